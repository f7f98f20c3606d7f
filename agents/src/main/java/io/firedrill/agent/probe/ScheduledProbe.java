package io.firedrill.agent.probe;

import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeResults.Sample;
import io.firedrill.wire.ProbeSpec;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One probe's schedule. Attempt {@code k} is due at {@code origin + k * interval} on the monotonic clock, so
 * a late timer never pushes the attempts after it (no drift); slots missed while the event loop was held up
 * are skipped, not made up in a burst. At most one attempt is out at a time: an attempt not done by its
 * timeout is recorded as {@code timeout after N ms} and abandoned. A slot that finds the previous attempt still
 * out waits for it to let go (its timeout may fall on the same moment as the slot, when the timeout equals the
 * interval) until a short grace after that timeout, then starts; if the previous attempt still holds on then (a
 * check that could not let go, such as a hung JDBC login), the slot is recorded as a failure, so the probe keeps
 * one sample per interval however its target behaves.
 *
 * <p>Runs on the runner's event loop only; no locks.
 */
final class ScheduledProbe {
    private static final int DETAIL_LIMIT = 200;
    /** How long after its timeout an abandoned attempt may take to let go before the waiting slot gives up. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Vertx vertx;
    private final Clock clock;
    private final ProbeSpec spec;
    private final ProbeCheck check;
    private final Consumer<Sample> samples;
    private final long intervalNanos;
    private final long timeoutNanos;
    private long originNanos;
    private long slot;
    private long timer = -1;
    private Attempt outstanding;
    /** A slot waiting for the outstanding attempt to let go: its agent time, or -1 when none waits. */
    private long waitingAgentMicros = -1;
    private long waitTimer = -1;
    private boolean stopped;

    /** @param samples where each attempt's sample goes, on the event loop */
    ScheduledProbe(Vertx vertx, Clock clock, ProbeSpec spec, ProbeCheck check, Consumer<Sample> samples) {
        this.vertx = vertx;
        this.clock = clock;
        this.spec = spec;
        this.check = check;
        this.samples = samples;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(spec.intervalMillis());
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(spec.timeoutMillis());
    }

    ProbeSpec spec() {
        return spec;
    }

    Future<Void> prepare() {
        return check.prepare();
    }

    /** The first attempt is due at {@code originNanos} ({@link System#nanoTime()}), the rest every interval after. */
    void start(long originNanos) {
        this.originNanos = originNanos;
        this.slot = 0;
        arm();
    }

    /** No attempt after this; one still running is abandoned and leaves no sample. Then the check closes. */
    Future<Void> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        vertx.cancelTimer(waitTimer);
        Attempt a = outstanding;
        if (a != null && !a.recorded) {
            a.recorded = true;
            vertx.cancelTimer(a.timeoutTimer);
            a.abandoned.tryComplete();
        }
        return check.close();
    }

    private void arm() {
        long due = originNanos + slot * intervalNanos;
        long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime() + 999_999));
        timer = vertx.setTimer(delayMillis, id -> onSlot());
    }

    private void onSlot() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (outstanding == null) {
            begin(now);
        } else if (waitingAgentMicros < 0) {
            waitingAgentMicros = Micros.now(clock);
            long deadline = outstanding.startNanos + timeoutNanos + Math.min(GRACE_NANOS, intervalNanos / 2);
            waitTimer = vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now)), id -> giveUpWaiting());
        } else {
            // The slot before this one is still waiting: this one is missed outright.
            samples.accept(stillRunning(Micros.now(clock), now));
        }
        slot = Math.max(slot + 1, (now - originNanos) / intervalNanos + 1);
        arm();
    }

    private void giveUpWaiting() {
        if (waitingAgentMicros >= 0 && outstanding != null && !stopped) {
            samples.accept(stillRunning(waitingAgentMicros, System.nanoTime()));
        }
        waitingAgentMicros = -1;
    }

    private Sample stillRunning(long agentMicros, long now) {
        long runningMillis = TimeUnit.NANOSECONDS.toMillis(now - outstanding.startNanos);
        return new Sample(spec.name(), agentMicros, false, 0,
                "previous attempt still running after " + runningMillis + " ms");
    }

    private void begin(long startNanos) {
        Attempt a = new Attempt(Micros.now(clock), startNanos);
        outstanding = a;
        a.timeoutTimer = vertx.setTimer(Math.max(1, spec.timeoutMillis()), id -> timedOut(a));
        Future<String> result;
        try {
            result = check.attempt(a.abandoned.future());
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> finished(a, ar));
    }

    private void timedOut(Attempt a) {
        if (a.recorded) {
            return;
        }
        a.recorded = true;
        samples.accept(timeout(a, System.nanoTime()));
        a.abandoned.tryComplete();
    }

    private void finished(Attempt a, AsyncResult<String> ar) {
        if (outstanding == a) {
            outstanding = null;
            if (waitingAgentMicros >= 0 && !stopped) {
                // A slot was waiting for this attempt to let go: it starts now.
                vertx.cancelTimer(waitTimer);
                waitingAgentMicros = -1;
                record(a, ar);
                begin(System.nanoTime());
                return;
            }
        }
        record(a, ar);
    }

    private void record(Attempt a, AsyncResult<String> ar) {
        if (a.recorded) {
            return;
        }
        a.recorded = true;
        vertx.cancelTimer(a.timeoutTimer);
        long end = System.nanoTime();
        if (end - a.startNanos > timeoutNanos) {
            // Answered, but after the timeout whose timer had not run yet: still too late.
            samples.accept(timeout(a, end));
        } else if (ar.succeeded()) {
            samples.accept(new Sample(spec.name(), a.agentMicros, true, micros(end - a.startNanos), ar.result()));
        } else {
            samples.accept(new Sample(spec.name(), a.agentMicros, false, micros(end - a.startNanos),
                    describe(ar.cause())));
        }
    }

    private Sample timeout(Attempt a, long now) {
        return new Sample(spec.name(), a.agentMicros, false, micros(now - a.startNanos),
                "timeout after " + spec.timeoutMillis() + " ms");
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1_000);
    }

    /** The failure as a person reads it, short enough that a batch of samples stays a small frame. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        // Netty's subclass of ConnectException has a name no reader needs.
        String kind = cause instanceof ConnectException ? "ConnectException" : cause.getClass().getSimpleName();
        String text = message == null || message.isBlank() ? kind
                : cause instanceof ProbeFailure ? message : kind + ": " + message;
        return text.length() <= DETAIL_LIMIT ? text : text.substring(0, DETAIL_LIMIT - 3) + "...";
    }

    /** One attempt in flight: recorded once, by whichever comes first of its answer, its timeout and a stop. */
    private static final class Attempt {
        final long agentMicros;
        final long startNanos;
        final Promise<Void> abandoned = Promise.promise();
        long timeoutTimer = -1;
        boolean recorded;

        Attempt(long agentMicros, long startNanos) {
            this.agentMicros = agentMicros;
            this.startNanos = startNanos;
        }
    }
}
