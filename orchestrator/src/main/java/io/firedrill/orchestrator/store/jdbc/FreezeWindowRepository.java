package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code freeze_window}; compiled once per dialect (see {@link H2Repositories}). */
interface FreezeWindowRepository extends GenericRepository<FreezeWindowRow, String> {

    /** A plain INSERT: a taken name fails on the primary key. */
    FreezeWindowRow save(FreezeWindowRow row);

    Optional<FreezeWindowRow> findByName(String name);

    List<FreezeWindowRow> listOrderByName();

    int deleteByName(String name);
}
