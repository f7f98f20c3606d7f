package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Game-day schedules by name. Blocking: call from a worker, never from an event loop. */
public interface ScheduleStore {

    /**
     * Stores a new, unpaused schedule with exactly one of {@code cron} and {@code at}; throws
     * {@link DuplicateException} when the name is taken.
     */
    ScheduleRecord create(String name, String experiment, String cron, Instant at, String timeZone, String actor);

    Optional<ScheduleRecord> find(String name);

    /** Every schedule, ordered by name. */
    List<ScheduleRecord> list();

    /** Pauses or resumes it, recording who; empty when there is none of that name. */
    Optional<ScheduleRecord> setPaused(String name, boolean paused, String actor);

    /** Removes it (its fires stay); false when there was none. */
    boolean delete(String name);
}
