package io.firedrill.orchestrator.measure;

import io.firedrill.model.Objectives;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Hand-built runs for the checker tests, in milliseconds since the run's start. Entries are put in time order
 * and numbered when the history is taken, as a recorder would write them.
 */
final class Scenario {
    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    static final Duration RTO = Duration.ofSeconds(20);
    static final Duration RPO = Duration.ofSeconds(5);
    static final long T0_MS = 10_000;

    private final List<Op> entries = new ArrayList<>();
    private int nextId;

    static long nanos(double ms) {
        return Math.round(ms * 1_000_000);
    }

    static Instant wall(long nanos) {
        return START.plusNanos(nanos);
    }

    static Moment at(double ms, long boundMicros) {
        return Moment.of(nanos(ms), wall(nanos(ms)), boundMicros);
    }

    static Objectives objectives(Duration rto, Duration rpo, int n) {
        return new Objectives(rto, rpo, n, List.of());
    }

    /** A write invoked at {@code invokeMs} that ends with {@code outcome} at {@code doneMs}, answered by a region. */
    Scenario write(long process, String key, double invokeMs, Op.Type outcome, double doneMs, String region) {
        return write(process, key, "v-" + key, invokeMs, outcome, doneMs, region);
    }

    /** The same with a value of its own, for keys written more than once. */
    Scenario write(long process, String key, String value, double invokeMs, Op.Type outcome, double doneMs,
            String region) {
        String id = "w" + nextId++;
        entries.add(op(id, process, Op.Type.INVOKE, Op.Function.WRITE, key, value, null, invokeMs));
        entries.add(op(id, process, outcome, Op.Function.WRITE, key, value, region, doneMs));
        return this;
    }

    /** An acknowledged write of {@code key}, 5 ms long, answered by {@code region}. */
    Scenario ok(long process, String key, double invokeMs, String region) {
        return write(process, key, invokeMs, Op.Type.OK, invokeMs + 5, region);
    }

    /** A write invoked and never completed. */
    Scenario open(long process, String key, double invokeMs) {
        entries.add(op("w" + nextId++, process, Op.Type.INVOKE, Op.Function.WRITE, key, "v-" + key, null, invokeMs));
        return this;
    }

    /** An acknowledged read of {@code key} that returned {@code value} (null: not found). */
    Scenario read(long process, String key, double invokeMs, String value, double doneMs, String region) {
        String id = "r" + nextId++;
        entries.add(op(id, process, Op.Type.INVOKE, Op.Function.READ, key, null, null, invokeMs));
        entries.add(op(id, process, Op.Type.OK, Op.Function.READ, key, value, region, doneMs));
        return this;
    }

    Scenario nemesis(Op.Function f, String fault, double ms) {
        entries.add(Op.nemesis(0, "n" + nextId++, f, fault, "region-blackout", "eu-west", nanos(ms), wall(nanos(ms)),
                null));
        return this;
    }

    /** The history in time order, each entry numbered by its position. */
    List<Op> history() {
        List<Op> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Op::nanos));
        List<Op> numbered = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Op o = sorted.get(i);
            numbered.add(new Op(i, o.opId(), o.process(), o.type(), o.f(), o.key(), o.value(), o.region(), o.nanos(),
                    o.wall(), o.detail()));
        }
        return numbered;
    }

    /** Evidence with this history, T0 at 10 s (± 1 ms), clocks synced within 1 ms, RTO 20 s, RPO 5 s, N = 3. */
    RunEvidence.Builder evidence() {
        return evidence(objectives(RTO, RPO, 3));
    }

    RunEvidence.Builder evidence(Objectives objectives) {
        return RunEvidence.builder("run-1", objectives)
                .history(history())
                .fault(new FaultMark("blackout-eu-west", "region-blackout", "eu-west", at(T0_MS, 1_000),
                        Optional.of(at(40_000, 1_000))))
                .clock(ClockSync.synced(Duration.ofMillis(1)));
    }

    /** A complete final read holding the writes of {@code keys}, with the values the scenario writes. */
    static FinalRead finalRead(String... keys) {
        List<FinalRead.Entry> entries = new ArrayList<>();
        for (String k : keys) {
            entries.add(new FinalRead.Entry(k, "v-" + k));
        }
        return FinalRead.complete("us-east", entries);
    }

    static RunResult judge(RunEvidence evidence) {
        return Judgement.standard().judge(evidence);
    }

    private static Op op(String id, long process, Op.Type type, Op.Function f, String key, String value,
            String region, double ms) {
        return new Op(0, id, process, type, f, key, value, region, nanos(ms), wall(nanos(ms)), null);
    }
}
