package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries on {@code run}; compiled once per dialect (see {@link H2Repositories}). */
interface RunRepository extends GenericRepository<RunRow, String> {

    Optional<RunRow> findById(String id);

    List<RunRow> findAll(Sort sort);

    RunRow save(RunRow row);

    List<RunRow> findByStateNotInList(List<String> states);

    /** The lifecycle columns only: what the run executed and when it was requested never change. */
    long update(@Id String id, String state, @Nullable String verdict, @Nullable String cause, Instant updatedAt);
}
