package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** The queries on {@code schedule_fire}; compiled once per dialect (see {@link H2Repositories}). */
interface ScheduleFireRepository extends GenericRepository<ScheduleFireRow, String> {

    ScheduleFireRow save(ScheduleFireRow row);

    /** A page of one schedule's fires: the limit is SQL, which differs by dialect. */
    List<ScheduleFireRow> findByScheduleAndFiredAtGreaterThanEquals(String schedule, Instant firedAt,
            Pageable pageable);
}
