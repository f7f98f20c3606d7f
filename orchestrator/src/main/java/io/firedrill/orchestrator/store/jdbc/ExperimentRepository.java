package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries on {@code experiment}; compiled once per dialect (see {@link H2Repositories}). */
interface ExperimentRepository extends GenericRepository<ExperimentRow, String> {

    /** A plain INSERT: a taken name fails on the primary key. */
    ExperimentRow save(ExperimentRow row);

    Optional<ExperimentRow> findByName(String name);

    List<ExperimentRow> listOrderByName();

    /**
     * One UPDATE of the named columns only, so {@code created_at} cannot be touched; the row count
     * says whether the experiment existed.
     */
    long update(@Id String name, @Nullable String title, String format, String source, Instant updatedAt);

    int deleteByName(String name);
}
