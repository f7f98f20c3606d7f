package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries on {@code estate}; compiled once per dialect (see {@link H2Repositories}). */
interface EstateRepository extends GenericRepository<EstateRow, String> {

    /** A plain INSERT: a taken name fails on the primary key. */
    EstateRow save(EstateRow row);

    Optional<EstateRow> findByName(String name);

    List<EstateRow> listOrderByName();

    /**
     * One UPDATE of the named columns only, so {@code created_at} cannot be touched; the row count
     * says whether the estate existed.
     */
    long update(@Id String name, String format, String source, Instant updatedAt);

    int deleteByName(String name);
}
