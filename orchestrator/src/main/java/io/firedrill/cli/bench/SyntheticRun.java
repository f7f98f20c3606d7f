package io.firedrill.cli.bench;

import io.firedrill.model.Objectives;
import io.firedrill.orchestrator.measure.ClockSync;
import io.firedrill.orchestrator.measure.EstateEvent;
import io.firedrill.orchestrator.measure.FaultMark;
import io.firedrill.orchestrator.measure.FinalRead;
import io.firedrill.orchestrator.measure.FrontDoorProbe;
import io.firedrill.orchestrator.measure.JsonlCodec;
import io.firedrill.orchestrator.measure.JsonlWriter;
import io.firedrill.orchestrator.measure.Moment;
import io.firedrill.orchestrator.measure.Op;
import io.firedrill.orchestrator.measure.ProbeSample;
import io.firedrill.orchestrator.measure.RunEvidence;
import io.firedrill.orchestrator.measure.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A run written straight to files in constant memory: 8 clients take turns every 200 µs (5,000 operations/s),
 * 1 in 10 a read of a key written about a second earlier. Halfway through, eu-west goes dark: writes
 * acknowledged in the last 150 ms before are lost (replication lag); for 2.5 s writes fail fast or time out
 * after 1 s (info, and the client continues as a new process); then us-east serves. The front-door probe
 * fails for exactly that outage.
 */
final class SyntheticRun {
    /** What the generated run contains, for checking the judgement against. */
    record Planted(long ops, long writes, long lost, Duration outage, long historyBytes) {}

    private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    private static final int CLIENTS = 8;
    private static final long SLOT = 200_000;
    private static final long MS = 1_000_000;
    private static final long LAG = 150 * MS;
    private static final long OUTAGE = 2_500 * MS;
    private static final long TIMEOUT = 1_000 * MS;

    private record Done(long nanos, Op op) {}

    private final Random random = new Random(42);
    private final PriorityQueue<Done> inFlight = new PriorityQueue<>(Comparator.comparingLong(Done::nanos));
    private final String[] recent = new String[8192];
    private final long[] busyUntil = new long[CLIENTS];
    private final long[] process = new long[CLIENTS];
    private long nextProcess = CLIENTS;
    private long index;
    private long lastNanos;
    private long recoveredInfo;
    private long writes;
    private long lost;
    private long acknowledged;
    private final long t0;
    private final JsonlWriter<Op> history;
    private final JsonlWriter<FinalRead.Entry> finalRead;

    private SyntheticRun(long t0, JsonlWriter<Op> history, JsonlWriter<FinalRead.Entry> finalRead) {
        this.t0 = t0;
        this.history = history;
        this.finalRead = finalRead;
        for (int c = 0; c < CLIENTS; c++) {
            process[c] = c;
        }
    }

    static Planted write(Path dir, long ops) throws IOException {
        long t0 = ops / 4 * SLOT;
        long end;
        long writes;
        long lost;
        long entries;
        long readBack;
        try (JsonlWriter<Op> h = JsonlCodec.HISTORY.writer(Files.newOutputStream(dir.resolve(RunFiles.HISTORY)));
                JsonlWriter<FinalRead.Entry> f = JsonlCodec.FINAL_READ.writer(
                        Files.newOutputStream(dir.resolve(RunFiles.FINAL_READ)))) {
            SyntheticRun run = new SyntheticRun(t0, h, f);
            end = run.clients(ops);
            writes = run.writes;
            lost = run.lost;
            entries = run.index;
            readBack = run.acknowledged - run.lost + run.recoveredInfo;
        }
        Moment inEffect = Moment.of(t0, wall(t0), 300);
        Moment reverted = Moment.of(Math.min(end, t0 + 30_000 * MS), wall(Math.min(end, t0 + 30_000 * MS)), 300);
        JsonlCodec.PROBES.write(dir.resolve(RunFiles.PROBES), () -> probes(end, t0).stream());
        RunEvidence evidence = RunEvidence.builder("bench-checkers",
                        new Objectives(Duration.ofSeconds(20), Duration.ofMillis(500), 3, List.of()))
                .history(JsonlCodec.HISTORY.file(dir.resolve(RunFiles.HISTORY)))
                .probes(JsonlCodec.PROBES.file(dir.resolve(RunFiles.PROBES)))
                .fault(new FaultMark("blackout-eu-west", "region-blackout", "eu-west", inEffect,
                        Optional.of(reverted)))
                .estateEvents(List.of(event(EstateEvent.REGION_DOWN, "eu-west", t0 + 900 * MS),
                        event(EstateEvent.FAILOVER_DECIDED, "us-east", t0 + 1_000 * MS),
                        event(EstateEvent.PROMOTION_DONE, "us-east", t0 + 2_400 * MS)))
                .frontDoorProbes(List.of(new FrontDoorProbe("front-door", Duration.ofMillis(100))))
                .finalRead(new FinalRead(true, "us-east", null, java.util.OptionalLong.of(readBack),
                        JsonlCodec.FINAL_READ.file(dir.resolve(RunFiles.FINAL_READ))))
                .replicationLagBeforeT0(Duration.ofNanos(LAG))
                .clock(ClockSync.synced(Duration.ofMillis(1)))
                .build();
        RunFiles.writeEvidence(dir, evidence);
        return new Planted(entries, writes, lost, Duration.ofNanos(OUTAGE),
                Files.size(dir.resolve(RunFiles.HISTORY)));
    }

    /** Runs the clients until the history holds {@code ops} entries; returns the last time. */
    private long clients(long ops) throws IOException {
        long now = 0;
        boolean injected = false;
        for (long slot = 0; index + inFlight.size() + 3 <= ops; slot++) {
            now = slot * SLOT;
            if (!injected && now >= t0) {
                flush(t0);
                emit(Op.nemesis(index, "nemesis-1", Op.Function.INJECT, "blackout-eu-west", "region-blackout",
                        "eu-west", t0, wall(t0), null));
                injected = true;
            }
            flush(now);
            int c = (int) (slot % CLIENTS);
            if (busyUntil[c] <= now) {
                busyUntil[c] = slot % 10 == 9 ? read(c, now) : write(c, now);
            }
        }
        flush(Long.MAX_VALUE);
        long end = Math.max(now, lastNanos) + MS;
        emit(Op.nemesis(index, "nemesis-2", Op.Function.REVERT, "blackout-eu-west", "region-blackout", "eu-west",
                end, wall(end), null));
        return end;
    }

    private long write(int c, long now) throws IOException {
        long seq = writes++;
        String key = "bench-" + seq;
        String value = "v" + seq;
        String id = "w" + seq;
        emit(new Op(index, id, process[c], Op.Type.INVOKE, Op.Function.WRITE, key, value, null, now, wall(now),
                null));
        long done = now + 400_000 + random.nextInt(1_000_000);
        boolean outage = now < t0 + OUTAGE && done >= t0;
        if (outage && (now < t0 || random.nextBoolean())) {
            done = now + TIMEOUT;
            pending(done, new Op(0, id, process[c], Op.Type.INFO, Op.Function.WRITE, key, value, null, done,
                    wall(done), "timeout"));
            process[c] = nextProcess++;
            if (seq % 2 == 0) {
                finalRead.write(new FinalRead.Entry(key, value));
                recoveredInfo++;
            }
        } else if (outage) {
            done = now + 5 * MS;
            pending(done, new Op(0, id, process[c], Op.Type.FAIL, Op.Function.WRITE, key, value, "eu-west", done,
                    wall(done), "502"));
        } else {
            String region = now < t0 ? "eu-west" : "us-east";
            pending(done, new Op(0, id, process[c], Op.Type.OK, Op.Function.WRITE, key, value, region, done,
                    wall(done), null));
            acknowledged++;
            if (done >= t0 - LAG && done < t0) {
                lost++;
            } else {
                finalRead.write(new FinalRead.Entry(key, value));
                recent[(int) (seq % recent.length)] = key;
            }
        }
        return done;
    }

    private long read(int c, long now) throws IOException {
        String key = recent[(int) ((writes + 3_000) % recent.length)];
        if (key == null) {
            return now;
        }
        String id = "r" + index;
        emit(new Op(index, id, process[c], Op.Type.INVOKE, Op.Function.READ, key, null, null, now, wall(now),
                null));
        boolean outage = now >= t0 - 2 * MS && now < t0 + OUTAGE;
        long done = now + (outage ? 5 * MS : 300_000 + random.nextInt(500_000));
        Op.Type type = outage ? Op.Type.FAIL : Op.Type.OK;
        String value = outage ? null : "v" + key.substring("bench-".length());
        pending(done, new Op(0, id, process[c], type, Op.Function.READ, key, value, outage ? null
                : now < t0 ? "eu-west" : "us-east", done, wall(done), null));
        return done;
    }

    private void pending(long done, Op op) {
        inFlight.add(new Done(done, op));
    }

    private void flush(long until) throws IOException {
        while (!inFlight.isEmpty() && inFlight.peek().nanos() <= until) {
            Op o = inFlight.poll().op();
            emit(new Op(index, o.opId(), o.process(), o.type(), o.f(), o.key(), o.value(), o.region(), o.nanos(),
                    o.wall(), o.detail()));
        }
    }

    private void emit(Op op) throws IOException {
        history.write(op);
        lastNanos = op.nanos();
        index++;
    }

    private static List<ProbeSample> probes(long end, long t0) {
        List<ProbeSample> samples = new ArrayList<>();
        for (long t = 37 * MS; t < end; t += 100 * MS) {
            boolean frontDoorOk = t < t0 || t >= t0 + OUTAGE;
            samples.add(new ProbeSample("front-door", "us-east", "router", t, wall(t), frontDoorOk,
                    frontDoorOk ? 1_500 : 500_000, 400, frontDoorOk ? "200" : "timeout"));
            boolean euOk = t < t0 || t >= t0 + 30_000 * MS;
            samples.add(new ProbeSample("eu-west-health", "eu-west", "users->eu-west", t + 11 * MS,
                    wall(t + 11 * MS), euOk, euOk ? 900 : 500_000, 400, euOk ? "200" : "timeout"));
        }
        return samples;
    }

    private static EstateEvent event(String type, String region, long nanos) {
        return new EstateEvent(type, region, nanos, wall(nanos), 400, null);
    }

    private static Instant wall(long nanos) {
        return START.plusNanos(nanos);
    }
}
