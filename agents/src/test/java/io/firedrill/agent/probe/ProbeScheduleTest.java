package io.firedrill.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firedrill.agent.probe.TestHttpServer.Behaviour;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeResults.Sample;
import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void keepsItsIntervalWhileEachAttemptTakesPartOfIt() throws Exception {
        try (TestHttpServer server = new TestHttpServer(vertx); RunnerFixture agent = new RunnerFixture(vertx)) {
            server.behave(Behaviour.slow(30));
            ProbeSpec probe = ProbeSpec.http("health", server.url(), "/health", 50, 50, 200);
            // A first run loads the client's classes, so that the measured one is not held up by it.
            agent.start("warm-up", probe);
            agent.awaitSamples("warm-up", "health", 3);
            agent.stop("warm-up");
            agent.start("run-1", probe);

            List<Sample> samples = agent.awaitSamples("run-1", "health", 20);

            // Scheduled after each answer, attempts would start 50 + 30 ms apart and 20 of them would span 1.5 s.
            // On absolute due times every attempt starts on the 50 ms grid of the first; a slot the loaded test
            // machine made the probe miss is skipped, so allow a couple.
            long first = samples.get(0).agentTimeMicros();
            for (int i = 1; i < samples.size(); i++) {
                long offsetMillis = (samples.get(i).agentTimeMicros() - first) / 1000;
                long offGrid = offsetMillis - Math.round(offsetMillis / 50.0) * 50;
                assertThat(offGrid).as("start of attempt %d, %d ms after the first", i, offsetMillis).isBetween(-20L, 20L);
            }
            long spanMillis = (samples.get(19).agentTimeMicros() - first) / 1000;
            assertThat(spanMillis).isBetween(930L, 21 * 50L + 20);
        }
    }

    @Test
    void keepsOneAttemptOutAndRecordsTheSlotsItMisses() {
        AtomicInteger attempts = new AtomicInteger();
        ProbeCheck stuck = abandoned -> {
            attempts.incrementAndGet();
            return Promise.<String>promise().future(); // never lets go, like a hung JDBC login
        };
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ProbeSpec spec = ProbeSpec.tcp("stuck", "127.0.0.1:1", 50, 30);
        ScheduledProbe probe = new ScheduledProbe(vertx, Clock.systemUTC(), spec, stuck, samples::add);
        vertx.runOnContext(v -> probe.start(System.nanoTime()));

        await().atMost(RunnerFixture.WAIT).until(() -> samples.size() >= 4);
        vertx.runOnContext(v -> probe.stop());

        assertThat(attempts).hasValue(1);
        assertThat(samples.get(0).detail()).isEqualTo("timeout after 30 ms");
        assertThat(samples.subList(1, 4)).allSatisfy(s -> {
            assertThat(s.ok()).isFalse();
            assertThat(s.detail()).startsWith("previous attempt still running after ").endsWith(" ms");
        });
    }

    @Test
    void abandonsAnAttemptOnTimeoutSoTheNextOneCanStart() {
        AtomicInteger attempts = new AtomicInteger();
        ProbeCheck letsGo = abandoned -> {
            attempts.incrementAndGet();
            Promise<String> result = Promise.promise();
            abandoned.onComplete(v -> result.fail(new ProbeFailure("reset")));
            return result.future();
        };
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ScheduledProbe probe = new ScheduledProbe(vertx, Clock.systemUTC(), ProbeSpec.tcp("p", "127.0.0.1:1", 50, 30),
                letsGo, samples::add);
        vertx.runOnContext(v -> probe.start(System.nanoTime()));

        await().atMost(RunnerFixture.WAIT).until(() -> samples.size() >= 4);
        vertx.runOnContext(v -> probe.stop());

        assertThat(samples.subList(0, 4)).allSatisfy(s -> assertThat(s.detail()).isEqualTo("timeout after 30 ms"));
        assertThat(attempts.get()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void takesTheSampleTimeFromTheStartOfTheAttempt() {
        Clock agentClock = Clock.systemUTC();
        ProbeCheck slow = abandoned -> {
            Promise<String> result = Promise.promise();
            vertx.setTimer(20, id -> result.complete("done"));
            return result.future();
        };
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ScheduledProbe probe = new ScheduledProbe(vertx, agentClock, ProbeSpec.tcp("p", "127.0.0.1:1", 100, 90),
                slow, samples::add);
        long before = Micros.now(agentClock);
        vertx.runOnContext(v -> probe.start(System.nanoTime()));

        await().atMost(RunnerFixture.WAIT).until(() -> !samples.isEmpty());
        vertx.runOnContext(v -> probe.stop());

        Sample s = samples.get(0);
        assertThat(s.latencyMicros()).isGreaterThanOrEqualTo(19_000);
        assertThat(s.agentTimeMicros() - before).as("stamped when the attempt began, not when it ended")
                .isLessThan(s.latencyMicros());
    }

    @Test
    void recordsNothingAfterItStopped() {
        List<Sample> samples = new CopyOnWriteArrayList<>();
        ScheduledProbe probe = new ScheduledProbe(vertx, Clock.systemUTC(), ProbeSpec.tcp("p", "127.0.0.1:1", 20, 20),
                abandoned -> Future.succeededFuture("ok"), samples::add);
        vertx.runOnContext(v -> probe.start(System.nanoTime()));
        await().atMost(RunnerFixture.WAIT).until(() -> samples.size() >= 2);

        Promise<Void> stopped = Promise.promise();
        vertx.runOnContext(v -> probe.stop().onComplete(stopped));
        await().atMost(RunnerFixture.WAIT).until(() -> stopped.future().isComplete());
        int count = samples.size();

        await().during(java.time.Duration.ofMillis(150)).atMost(RunnerFixture.WAIT)
                .until(() -> samples.size() == count);
    }
}
