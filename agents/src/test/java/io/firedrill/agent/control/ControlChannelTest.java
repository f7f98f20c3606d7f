package io.firedrill.agent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firedrill.agent.AgentConfig;
import io.firedrill.wire.Heartbeat;
import io.firedrill.wire.Hello;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProtocolError;
import io.firedrill.wire.TimeSyncReply;
import io.firedrill.wire.TimeSyncRequest;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlChannelTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    /** How late past its limit the silence watchdog may redial: timer lag, backoff (at most 200 ms here), dialling. */
    private static final Duration SILENCE_SLACK = Duration.ofSeconds(1);
    private Vertx vertx;
    private ScriptedOrchestrator orchestrator;
    private ControlChannel channel;

    @BeforeEach
    void startOrchestrator() throws Exception {
        vertx = Vertx.vertx();
        orchestrator = ScriptedOrchestrator.start(vertx);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (channel != null) {
            channel.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        orchestrator.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void startChannel(Clock clock) {
        startChannel(clock, AgentConfig.DEFAULT_SILENCE_LIMIT);
    }

    private void startChannel(Clock clock, Duration silenceLimit) {
        AgentConfig config = AgentConfig.of("eu-west", URI.create("ws://127.0.0.1:" + orchestrator.port()),
                        "s3cret", "9.9.9")
                .withHeartbeatInterval(Duration.ofMillis(100))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .withOrchestratorSilenceLimit(silenceLimit);
        channel = new ControlChannel(vertx, config, clock, new Random(1));
        channel.start();
    }

    @Test
    void authenticatesWithBearerTokenAndRegionHeaders() throws Exception {
        startChannel(Clock.systemUTC());
        orchestrator.next(Hello.class, WAIT);

        assertThat(orchestrator.handshakeHeaders.get(0).get("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(orchestrator.handshakeHeaders.get(0).get("X-Firedrill-Region")).isEqualTo("eu-west");
    }

    @Test
    void saysHelloThenHeartbeatsAtItsInterval() throws Exception {
        startChannel(Clock.systemUTC());

        Hello hello = orchestrator.next(Hello.class, WAIT);
        Heartbeat first = orchestrator.next(Heartbeat.class, WAIT);
        Heartbeat second = orchestrator.next(Heartbeat.class, WAIT);

        assertThat(hello.region()).isEqualTo("eu-west");
        assertThat(hello.version()).isEqualTo("9.9.9");
        assertThat(hello.heartbeatIntervalMillis()).isEqualTo(100);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(second.seq()).isEqualTo(2);
        await().atMost(WAIT).until(() -> channel.status().state() == ChannelStatus.State.CONNECTED);
    }

    @Test
    void answersTimeSyncWithItsOwnSkewedClock() throws Exception {
        Duration skew = Duration.ofMillis(250);
        startChannel(Clock.offset(Clock.systemUTC(), skew));
        orchestrator.next(Hello.class, WAIT);

        long t1 = Micros.now(Clock.systemUTC());
        orchestrator.send(new TimeSyncRequest(1, t1));
        TimeSyncReply reply = orchestrator.next(TimeSyncReply.class, WAIT);
        long t4 = Micros.now(Clock.systemUTC());

        assertThat(reply.seq()).isEqualTo(1);
        assertThat(reply.t1Micros()).isEqualTo(t1);
        assertThat(reply.t3Micros()).isGreaterThanOrEqualTo(reply.t2Micros());
        assertThat(reply.t2Micros() - skew.toNanos() / 1000).isBetween(t1, t4);
        assertThat(reply.t3Micros() - skew.toNanos() / 1000).isBetween(t1, t4);
    }

    @Test
    void repliesWithAnErrorToAMalformedFrameAndStaysConnected() throws Exception {
        startChannel(Clock.systemUTC());
        orchestrator.next(Hello.class, WAIT);

        orchestrator.sendRaw("{\"v\":1,\"type\":\"self-destruct\",\"id\":\"o-77\"}");
        ProtocolError error = orchestrator.next(ProtocolError.class, WAIT);
        orchestrator.send(new TimeSyncRequest(2, Micros.now(Clock.systemUTC())));

        assertThat(error.code()).isEqualTo("unknown-type");
        assertThat(error.inReplyTo()).isEqualTo("o-77");
        assertThat(error.message()).startsWith("unknown message type 'self-destruct'; known types: ");
        assertThat(orchestrator.next(TimeSyncReply.class, WAIT).seq()).isEqualTo(2);
        assertThat(orchestrator.connections.get()).isEqualTo(1);
    }

    @Test
    void keepsRetryingWhileTheTokenIsRefused() throws Exception {
        orchestrator.refuseNext.set(3);
        startChannel(Clock.systemUTC());

        orchestrator.next(Hello.class, WAIT);

        assertThat(orchestrator.handshakeHeaders).hasSize(4);
        assertThat(channel.status().lastFailure())
                .startsWith("orchestrator refused the token for region eu-west (HTTP 401");
        await().atMost(WAIT).until(() -> channel.status().state() == ChannelStatus.State.CONNECTED);
        assertThat(channel.status().failures()).isZero();
    }

    @Test
    void reconnectsWhenTheConnectionDrops() throws Exception {
        startChannel(Clock.systemUTC());
        orchestrator.next(Hello.class, WAIT);
        await().atMost(WAIT).until(() -> channel.status().connections() == 1);

        orchestrator.dropConnection();

        assertThat(orchestrator.next(Hello.class, WAIT).region()).isEqualTo("eu-west");
        await().atMost(WAIT).until(() -> channel.status().connections() == 2);
        assertThat(channel.status().lastFailure()).contains("closed (code 1011, test drops the connection)");
    }

    @Test
    void dropsAndRedialsAnOrchestratorThatFallsSilent() throws Exception {
        Duration limit = Duration.ofMillis(300);
        startChannel(Clock.systemUTC(), limit);
        orchestrator.next(Hello.class, WAIT);

        // Welcomed, then not another frame: the agent must give up on it after the limit, not hang on.
        await().atMost(limit.plus(SILENCE_SLACK)).until(() -> orchestrator.connections.get() >= 2);

        long gap = orchestrator.connectedAtNanos.get(1) - orchestrator.connectedAtNanos.get(0);
        assertThat(Duration.ofNanos(gap)).isGreaterThan(limit);
        assertThat(orchestrator.next(Hello.class, WAIT).region()).isEqualTo("eu-west");
        assertThat(channel.status().lastFailure()).startsWith("region eu-west: no frame from the orchestrator at ws://"
                + "127.0.0.1:" + orchestrator.port() + "/api/v1/agents/connect for ");
        // The abandoned connection is closed from the agent's side, without the agent waiting for it.
        await().atMost(WAIT).until(() -> orchestrator.sockets.get(0).isClosed());
        assertThat(orchestrator.sockets.get(0).closeStatusCode()).isEqualTo((short) 1001);
    }

    @Test
    void staysConnectedWhileTheOrchestratorKeepsTalking() throws Exception {
        Duration limit = Duration.ofMillis(300);
        orchestrator.keepTalking(Duration.ofMillis(75));
        startChannel(Clock.systemUTC(), limit);
        orchestrator.next(Hello.class, WAIT);
        await().atMost(WAIT).until(() -> channel.status().state() == ChannelStatus.State.CONNECTED);

        // Five limits pass on one connection: frames keep resetting the watchdog.
        await().during(limit.multipliedBy(5)).atMost(limit.multipliedBy(5).plus(WAIT))
                .until(() -> orchestrator.connections.get() == 1
                        && channel.status().state() == ChannelStatus.State.CONNECTED);
        assertThat(orchestrator.next(TimeSyncReply.class, WAIT).seq()).isPositive();
        assertThat(channel.status().lastFailure()).isNull();
    }

    @Test
    void findsASilenceLimitOfTwoSyncIntervalsOrLessTooShort() {
        assertThat(ControlChannel.silenceLimitTooShort(Duration.ofSeconds(20), 5_000)).isNull();
        assertThat(ControlChannel.silenceLimitTooShort(Duration.ofMillis(10_001), 5_000)).isNull();
        assertThat(ControlChannel.silenceLimitTooShort(Duration.ofSeconds(10), 5_000))
                .isEqualTo("the orchestrator silence limit of 10000 ms is not above twice the orchestrator's "
                        + "time-sync interval of 5000 ms, so one late time-sync request can make the agent drop a "
                        + "healthy connection; raise --silence-limit to more than twice that interval");
        assertThat(ControlChannel.silenceLimitTooShort(Duration.ofSeconds(20), Long.MAX_VALUE)).isNotNull();
    }

    @Test
    void retriesWhileNothingListens() throws Exception {
        int port = orchestrator.port();
        orchestrator.close();
        AgentConfig config = AgentConfig.of("eu-west", URI.create("ws://127.0.0.1:" + port), "s3cret", "1")
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(40));
        channel = new ControlChannel(vertx, config, Clock.systemUTC(), new Random(1));
        channel.start();

        await().atMost(WAIT).until(() -> channel.status().failures() >= 3);
        assertThat(channel.status().lastFailure()).startsWith("cannot connect region eu-west to ws://127.0.0.1:" + port);
        orchestrator = ScriptedOrchestrator.start(vertx);
    }

    @Test
    void stopsReconnectingOnceStopped() throws Exception {
        startChannel(Clock.systemUTC());
        orchestrator.next(Hello.class, WAIT);

        channel.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(channel.status().state()).isEqualTo(ChannelStatus.State.STOPPED);
        // Ten times the longest reconnect delay pass without a new connection.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> orchestrator.connections.get() == 1);
    }

    @Test
    void stopsPromptlyWhileAHandshakeIsPending() throws Exception {
        orchestrator.hangHandshakes = true;
        startChannel(Clock.systemUTC());
        await().atMost(WAIT).until(() -> orchestrator.handshakeHeaders.size() == 1);

        channel.stop().toCompletionStage().toCompletableFuture().get(4, TimeUnit.SECONDS);

        assertThat(channel.status().state()).isEqualTo(ChannelStatus.State.STOPPED);
    }
}
