package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.ScheduleRecord;
import io.firedrill.orchestrator.store.ScheduleStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ScheduleStore} over {@link ScheduleRepository}. */
@Singleton
final class JdbcScheduleStore implements ScheduleStore {

    private final ScheduleRepository repository;
    private final Clock clock;

    JdbcScheduleStore(ScheduleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One INSERT: the primary key decides between two concurrent creates of one name. */
    @Override
    public ScheduleRecord create(String name, String experiment, String cron, Instant at, String timeZone,
            String actor) {
        Arguments.requireText(name, "schedule name", 100);
        Arguments.requireText(experiment, "experiment name", 200);
        Arguments.requireText(timeZone, "time zone", 80);
        Arguments.requireText(actor, "schedule actor", 200);
        if ((cron == null) == (at == null)) {
            throw new IllegalArgumentException("a schedule has exactly one of cron and at; got "
                    + (cron == null ? "neither" : "both"));
        }
        if (cron != null) {
            Arguments.requireText(cron, "cron expression", 120);
        }
        Instant now = Arguments.now(clock);
        ScheduleRow row = new ScheduleRow(name, experiment, cron, Arguments.micros(at), timeZone, false, actor, now,
                actor, now);
        try {
            repository.save(row);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("a schedule named '" + name
                        + "' already exists; delete it first or choose another name");
            }
            throw e;
        }
        return record(row);
    }

    @Override
    public Optional<ScheduleRecord> find(String name) {
        return repository.findByName(name).map(JdbcScheduleStore::record);
    }

    @Override
    public List<ScheduleRecord> list() {
        return repository.listOrderByName().stream().map(JdbcScheduleStore::record).toList();
    }

    @Override
    public Optional<ScheduleRecord> setPaused(String name, boolean paused, String actor) {
        Arguments.requireText(actor, "schedule actor", 200);
        if (repository.update(name, paused, actor, Arguments.now(clock)) == 0) {
            return Optional.empty();
        }
        return find(name);
    }

    @Override
    public boolean delete(String name) {
        return repository.deleteByName(name) > 0;
    }

    private static ScheduleRecord record(ScheduleRow r) {
        return new ScheduleRecord(r.name(), r.experiment(), r.cron(), r.runAt(), r.timeZone(), r.paused(),
                r.createdBy(), r.createdAt(), r.updatedBy(), r.updatedAt());
    }
}
