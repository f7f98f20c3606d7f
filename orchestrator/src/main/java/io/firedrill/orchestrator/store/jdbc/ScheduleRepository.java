package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queries on {@code schedule}; compiled once per dialect (see {@link H2Repositories}). */
interface ScheduleRepository extends GenericRepository<ScheduleRow, String> {

    /** A plain INSERT: a taken name fails on the primary key. */
    ScheduleRow save(ScheduleRow row);

    Optional<ScheduleRow> findByName(String name);

    List<ScheduleRow> listOrderByName();

    /** The pause columns only; the row count says whether the schedule existed. */
    long update(@Id String name, boolean paused, String updatedBy, Instant updatedAt);

    int deleteByName(String name);
}
