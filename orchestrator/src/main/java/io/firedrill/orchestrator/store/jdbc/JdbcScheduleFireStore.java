package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.ScheduleFire;
import io.firedrill.orchestrator.store.ScheduleFireStore;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** {@link ScheduleFireStore} over {@link ScheduleFireRepository}. */
@Singleton
final class JdbcScheduleFireStore implements ScheduleFireStore {

    /** Newest first; the id breaks ties between fires handled in the same microsecond. */
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("firedAt"), Sort.Order.desc("id"));
    private static final int REASON_LIMIT = 2000;

    private final ScheduleFireRepository repository;
    private final Clock clock;

    JdbcScheduleFireStore(ScheduleFireRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Ids are random after the time, not a sequence: orchestrators sharing the database record fires too. */
    @Override
    public ScheduleFire record(String schedule, Instant scheduledFor, ScheduleFire.Outcome outcome, String reason,
            String freezeWindow, String runId) {
        Arguments.requireText(schedule, "schedule name", 100);
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(outcome, "outcome");
        Instant now = Arguments.now(clock);
        String id = "f-" + Long.toString(now.toEpochMilli(), 36) + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        String shortReason = reason == null || reason.length() <= REASON_LIMIT ? reason
                : reason.substring(0, REASON_LIMIT - 3) + "...";
        ScheduleFireRow row = new ScheduleFireRow(id, schedule, Arguments.micros(scheduledFor), now, outcome.label(),
                shortReason, freezeWindow, runId);
        return fire(repository.save(row));
    }

    @Override
    public List<ScheduleFire> list(String schedule, Instant since, int limit) {
        return repository.findByScheduleAndFiredAtGreaterThanEquals(schedule, Arguments.micros(since),
                Pageable.from(0, Math.max(1, limit), NEWEST_FIRST)).stream().map(JdbcScheduleFireStore::fire).toList();
    }

    private static ScheduleFire fire(ScheduleFireRow r) {
        return new ScheduleFire(r.id(), r.schedule(), r.scheduledFor(), r.firedAt(),
                ScheduleFire.Outcome.of(r.outcome()), r.reason(), r.freezeWindow(), r.runId());
    }
}
