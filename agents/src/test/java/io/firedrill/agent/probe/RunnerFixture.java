package io.firedrill.agent.probe;

import static org.awaitility.Awaitility.await;

import io.firedrill.wire.Message;
import io.firedrill.wire.ProbeReport;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProbeResults.Sample;
import io.firedrill.wire.ProbeSpec;
import io.firedrill.wire.ProbeStart;
import io.firedrill.wire.ProbeStop;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A probe runner whose control channel is a list: every message it sends is kept in order, and whether the
 * channel counts as connected is a switch the test flips.
 */
final class RunnerFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final ProbeSettings FAST = new ProbeSettings(Duration.ofMillis(20), 100, 10_000, 4);

    final Vertx vertx;
    final List<Message> sent = new CopyOnWriteArrayList<>();
    final AtomicBoolean connected = new AtomicBoolean(true);
    final ProbeRunner runner;
    private int commands;

    RunnerFixture(Vertx vertx, Clock clock, ProbeSettings settings) {
        this.vertx = vertx;
        this.runner = new ProbeRunner(vertx, clock, "eu-west", settings, sent::add, connected::get);
    }

    RunnerFixture(Vertx vertx) {
        this(vertx, Clock.systemUTC(), FAST);
    }

    /** Starts the probes as run {@code runId} and waits for the answer. */
    ProbeReport start(String runId, ProbeSpec... probes) {
        return start(new ProbeStart("c-" + (++commands), runId, 60_000, List.of(probes)));
    }

    ProbeReport start(ProbeStart start) {
        runner.handle(start);
        return awaitReport(start.commandId());
    }

    ProbeReport stop(String runId) {
        ProbeStop stop = new ProbeStop("c-" + (++commands), runId);
        runner.handle(stop);
        return awaitReport(stop.commandId());
    }

    ProbeReport awaitReport(String commandId) {
        return await().atMost(WAIT).until(() -> reports(commandId).stream().findFirst().orElse(null),
                r -> r != null);
    }

    List<ProbeReport> reports(String commandId) {
        return sent.stream().filter(m -> m instanceof ProbeReport r && java.util.Objects.equals(r.commandId(), commandId))
                .map(ProbeReport.class::cast).toList();
    }

    List<ProbeResults> batches(String runId) {
        return sent.stream().filter(m -> m instanceof ProbeResults r && r.runId().equals(runId))
                .map(ProbeResults.class::cast).toList();
    }

    List<Sample> samples(String runId, String probe) {
        return batches(runId).stream().flatMap(b -> b.samples().stream()).filter(s -> s.probe().equals(probe))
                .toList();
    }

    /** Waits until the probe has at least {@code count} samples and returns the first {@code count}. */
    List<Sample> awaitSamples(String runId, String probe, int count) {
        await().atMost(WAIT).until(() -> samples(runId, probe).size() >= count);
        return samples(runId, probe).subList(0, count);
    }

    /**
     * Waits until the probe's last {@code n} samples all meet {@code condition} and returns them. Tests look at
     * the latest samples rather than the first ones: the first attempts in a fresh JVM on a busy machine also
     * load classes and may miss a tight timeout, which is not what the tests are about.
     */
    List<Sample> awaitLatest(String runId, String probe, int n, Predicate<Sample> condition) {
        return await().atMost(WAIT).until(() -> {
            List<Sample> all = samples(runId, probe);
            return all.size() < n ? List.<Sample>of() : all.subList(all.size() - n, all.size());
        }, latest -> latest.size() == n && latest.stream().allMatch(condition));
    }

    @Override
    public void close() throws Exception {
        runner.stop("test over").await(10, TimeUnit.SECONDS);
    }
}
