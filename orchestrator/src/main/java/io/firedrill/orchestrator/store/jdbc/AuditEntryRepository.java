package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code audit_entry}; compiled once per dialect (see {@link H2Repositories}). */
interface AuditEntryRepository extends GenericRepository<AuditEntryRow, Long> {

    AuditEntryRow save(AuditEntryRow row);

    Optional<AuditEntryRow> findById(Long seq);

    /** A page from {@code seq} on: the limit is SQL, which differs by dialect. */
    List<AuditEntryRow> findBySeqGreaterThanEquals(long seq, Pageable pageable);
}
