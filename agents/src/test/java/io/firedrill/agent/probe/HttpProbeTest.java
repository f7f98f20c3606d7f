package io.firedrill.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.agent.probe.TestHttpServer.Behaviour;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeReport;
import io.firedrill.wire.ProbeResults.Sample;
import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpProbeTest {
    /** An agent clock an hour ahead of this machine's, to tell its stamps from the machine's. */
    private static final Clock AGENT_CLOCK = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

    private Vertx vertx;
    private TestHttpServer server;
    private RunnerFixture agent;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new TestHttpServer(vertx);
        agent = new RunnerFixture(vertx, AGENT_CLOCK, RunnerFixture.FAST);
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        server.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private ProbeSpec health() {
        return ProbeSpec.http("health", server.url(), "/health", 100, 100, 200);
    }

    @Test
    void samplesAHealthyEndpointStampedWithTheAgentsClock() {
        long before = Micros.now(AGENT_CLOCK);
        ProbeReport started = agent.start("run-1", health());

        assertThat(started.state()).isEqualTo(ProbeReport.STARTED);
        assertThat(started.detail()).isEqualTo("1 probe (health)");
        List<Sample> latest = agent.awaitLatest("run-1", "health", 3, Sample::ok);
        assertThat(latest).allSatisfy(s -> {
            assertThat(s.detail()).isEqualTo("200");
            assertThat(s.latencyMicros()).isPositive().isLessThan(100_000);
            assertThat(s.agentTimeMicros()).isBetween(before, Micros.now(AGENT_CLOCK));
        });
    }

    @Test
    void failsAnAttemptThatGetsAnotherStatus() {
        server.behave(Behaviour.status(503));
        agent.start("run-1", health());

        agent.awaitLatest("run-1", "health", 2, s -> s.detail().equals("status 503, expected 200"));
        assertThat(agent.samples("run-1", "health")).noneMatch(Sample::ok);
    }

    @Test
    void takesAny2xxWhenNoStatusIsExpectedAndChecksTheBodyWhenAsked() {
        agent.start("run-1", new ProbeSpec("up", "http", server.url(), null, "GET", 100, 100, null, "UP", null, null,
                null), new ProbeSpec("ready", "http", server.url(), null, "GET", 100, 100, null, "READY", null, null,
                null));

        agent.awaitLatest("run-1", "up", 2, Sample::ok);
        agent.awaitLatest("run-1", "ready", 2,
                s -> s.detail().equals("status 200 but the body does not contain 'READY'"));
        assertThat(agent.samples("run-1", "ready")).noneMatch(Sample::ok);
    }

    @Test
    void failsAnAttemptSlowerThanItsTimeout() {
        server.behave(Behaviour.slow(300));
        agent.start("run-1", ProbeSpec.http("health", server.url(), "/health", 150, 100, 200));

        List<Sample> latest = agent.awaitLatest("run-1", "health", 2, s -> s.detail().equals("timeout after 100 ms"));
        assertThat(latest).allSatisfy(s -> assertThat(s.latencyMicros()).isGreaterThanOrEqualTo(100_000));
        assertThat(agent.samples("run-1", "health")).noneMatch(Sample::ok);
    }

    @Test
    void recoversOnceAHangingServerAnswersAgain() {
        server.behave(Behaviour.hanging());
        agent.start("run-1", health());
        agent.awaitLatest("run-1", "health", 3, s -> s.detail().equals("timeout after 100 ms"));

        server.behave(Behaviour.ok());

        agent.awaitLatest("run-1", "health", 2, Sample::ok);
        // Each timed-out request was let go of in time for the next slot, although the timeout equals the interval.
        assertThat(agent.samples("run-1", "health")).noneMatch(s -> s.detail().startsWith("previous attempt"));
    }

    @Test
    void seesAServerThatWentAwayAtTheNextAttempt() throws Exception {
        agent.start("run-1", health());
        agent.awaitLatest("run-1", "health", 2, Sample::ok);

        server.close();

        agent.awaitLatest("run-1", "health", 3, s -> s.detail().startsWith("ConnectException: Connection refused"));
    }
}
