package io.firedrill.orchestrator.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.RehearsalStore;
import io.firedrill.orchestrator.store.StepEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link RehearsalStore} over {@link RehearsalRepository} and {@link RehearsalEventRepository}. The steps of a
 * rehearsal and the evidence of an event are JSON columns: they are read and written whole, never queried.
 */
@Singleton
final class JdbcRehearsalStore implements RehearsalStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StepJson>> STEPS = new TypeReference<>() {};
    private static final TypeReference<List<StepEvent.Evidence>> EVIDENCE = new TypeReference<>() {};
    private static final int TEXT_LIMIT = 2000;

    /** A step as stored: the expected duration in milliseconds, so the column needs no time module to read. */
    record StepJson(String id, String title, String role, long expectedMillis, Rehearsal.Action action) {}

    private final RehearsalRepository rehearsals;
    private final RehearsalEventRepository events;
    private final TransactionOperations<Connection> transactions;

    JdbcRehearsalStore(RehearsalRepository rehearsals, RehearsalEventRepository events,
            TransactionOperations<Connection> transactions) {
        this.rehearsals = rehearsals;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public Rehearsal begin(Rehearsal r) {
        Arguments.requireText(r.runId(), "run id", 64);
        List<StepJson> steps = r.steps().stream().map(s -> new StepJson(s.id(), s.title(), s.role(),
                s.expected().toMillis(), s.action())).toList();
        try {
            rehearsals.save(new RehearsalRow(r.runId(), r.gameDay(), r.experiment(), r.runbook(), r.runbookVersion(),
                    r.runbookSource(), write(steps), r.startedBy(), Arguments.micros(r.startedAt())));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("run " + r.runId() + " has a rehearsal already");
            }
            throw e;
        }
        return rehearsal(rehearsals.findByRunId(r.runId()).orElseThrow());
    }

    @Override
    public Optional<Rehearsal> find(String runId) {
        return rehearsals.findByRunId(runId).map(JdbcRehearsalStore::rehearsal);
    }

    @Override
    public List<Rehearsal> ofGameDay(String gameDay) {
        return rehearsals.findByGameDayOrderByStartedAt(gameDay).stream().map(JdbcRehearsalStore::rehearsal).toList();
    }

    @Override
    public StepEvent record(StepEvent e) {
        String id = e.runId() + "/" + e.step() + "/" + e.kind().wire();
        StepEvent.ActionOutcome a = e.action();
        try {
            return event(transactions.executeWrite(status -> {
                if (events.existsById(id)) {
                    throw twice(e);
                }
                int seq = (int) events.countByRunId(e.runId()) + 1;
                return events.save(new RehearsalEventRow(id, e.runId(), seq, e.step(), e.kind().wire(), e.actor(),
                        e.role(), Arguments.micros(e.at()), e.runNanos(), limit(e.note()),
                        e.evidence().isEmpty() ? null : write(e.evidence()), a == null ? null : a.ok(),
                        a == null ? null : a.status(), a == null ? null : a.millis(),
                        a == null ? null : limit(a.detail())));
            }));
        } catch (RuntimeException x) {
            if (SqlErrors.isUniqueViolation(x)) {
                throw twice(e);
            }
            throw x;
        }
    }

    @Override
    public List<StepEvent> events(String runId) {
        return events.findByRunIdOrderBySeq(runId).stream().map(JdbcRehearsalStore::event).toList();
    }

    private static DuplicateException twice(StepEvent e) {
        return new DuplicateException("step " + e.step() + " of run " + e.runId() + " has a " + e.kind().wire()
                + " already");
    }

    private static Rehearsal rehearsal(RehearsalRow r) {
        List<Rehearsal.Step> steps = read(r.steps(), STEPS).stream().map(s -> new Rehearsal.Step(s.id(), s.title(),
                s.role(), Duration.ofMillis(s.expectedMillis()), s.action())).toList();
        return new Rehearsal(r.runId(), r.gameDay(), r.experiment(), r.runbook(), r.runbookVersion(),
                r.runbookSource(), steps, r.startedBy(), r.startedAt());
    }

    private static StepEvent event(RehearsalEventRow r) {
        StepEvent.ActionOutcome action = r.actionOk() == null ? null : new StepEvent.ActionOutcome(r.actionOk(),
                r.actionStatus(), r.actionMillis() == null ? 0 : r.actionMillis(), r.actionDetail());
        List<StepEvent.Evidence> evidence = r.evidence() == null ? List.of() : read(r.evidence(), EVIDENCE);
        return new StepEvent(r.runId(), r.seq(), r.step(), StepEvent.Kind.valueOf(r.kind().toUpperCase(
                java.util.Locale.ROOT)), r.actor(), r.role(), r.at(), r.runNanos(), r.note(), evidence, action);
    }

    private static String limit(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 3) + "...";
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rehearsal column is not the JSON it was written as: " + json, e);
        }
    }
}
