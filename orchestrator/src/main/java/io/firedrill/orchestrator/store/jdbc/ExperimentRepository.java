package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** The queries on {@code experiment}; compiled once per dialect (see {@link H2Repositories}). */
interface ExperimentRepository extends GenericRepository<ExperimentRow, String> {

    /** A plain INSERT: a taken name fails on the primary key. */
    ExperimentRow save(ExperimentRow row);

    Optional<ExperimentRow> findByName(String name);

    List<ExperimentRow> listOrderByName();

    int deleteByName(String name);
}
