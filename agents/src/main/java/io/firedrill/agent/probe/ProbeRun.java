package io.firedrill.agent.probe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's probes on this agent: their schedules, their batcher, the flush timer and the run's own end
 * after its maximum duration. Event loop only.
 */
final class ProbeRun {
    private final Vertx vertx;
    private final String runId;
    private final List<ScheduledProbe> probes;
    private final SampleBatcher batcher;
    private final long flushMillis;
    private long flushTimer = -1;
    private long endTimer = -1;
    private boolean stopped;

    ProbeRun(Vertx vertx, String runId, List<ScheduledProbe> probes, SampleBatcher batcher, long flushMillis) {
        this.vertx = vertx;
        this.runId = runId;
        this.probes = List.copyOf(probes);
        this.batcher = batcher;
        this.flushMillis = flushMillis;
    }

    String runId() {
        return runId;
    }

    /** Work before the first attempt that may fail the start, such as finding the JDBC driver. */
    Future<Void> prepare() {
        List<Future<Void>> prepared = new ArrayList<>();
        probes.forEach(p -> prepared.add(p.prepare()));
        return Future.all(prepared).mapEmpty();
    }

    /** {@code N probes (a, b, c)}, for the started report and the log. */
    String describe() {
        return probes.size() + " probe" + (probes.size() == 1 ? "" : "s") + " ("
                + String.join(", ", probes.stream().map(p -> p.spec().name()).toList()) + ")";
    }

    /**
     * Starts every probe with the same origin, so probes of one interval take their samples side by side,
     * and calls {@code onMaxDuration} if nobody stops the run within {@code maxDurationMillis}.
     */
    void start(long maxDurationMillis, Runnable onMaxDuration) {
        long origin = System.nanoTime();
        probes.forEach(p -> p.start(origin));
        flushTimer = vertx.setPeriodic(flushMillis, id -> batcher.flush());
        endTimer = vertx.setTimer(maxDurationMillis, id -> onMaxDuration.run());
    }

    /** Stops every probe, then sends the samples still waiting; idempotent. */
    Future<Void> stop() {
        if (stopped) {
            return Future.succeededFuture();
        }
        stopped = true;
        vertx.cancelTimer(flushTimer);
        vertx.cancelTimer(endTimer);
        List<Future<Void>> closed = new ArrayList<>();
        probes.forEach(p -> closed.add(p.stop()));
        // The samples are final once every probe stopped (a stop records nothing more): send them now, before
        // the caller's stopped report, so that the report is the last word on the run.
        batcher.flushFinal();
        return Future.join(closed).<Void>mapEmpty().otherwiseEmpty();
    }
}
