package io.firedrill.orchestrator.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.agent.Agent;
import io.firedrill.agent.control.ChannelStatus;
import io.firedrill.orchestrator.store.AgentStatus;
import io.firedrill.wire.Heartbeat;
import io.firedrill.wire.Hello;
import io.firedrill.wire.ProtocolError;
import io.firedrill.wire.Welcome;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub with real agents over real WebSockets, and the API a person would read their state from. */
class AgentHubTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    private HubFixture fixture;
    private String token;

    @BeforeEach
    void start() throws Exception {
        fixture = new HubFixture(dataDir);
        token = fixture.enroll("eu-west");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private AgentView awaitStatus(String region, AgentStatus status) {
        await().atMost(WAIT).until(() -> fixture.hub.find(region).map(a -> a.status() == status).orElse(false));
        return fixture.hub.find(region).orElseThrow();
    }

    @Test
    void registersAnAgentAsOnlineWhenItSaysHello() {
        Agent agent = fixture.startAgent("eu-west", token, Clock.systemUTC());
        awaitStatus("eu-west", AgentStatus.ONLINE);

        JsonNode view = fixture.get("/api/v1/agents/eu-west").json();
        assertThat(view.get("agentId").asText()).isEqualTo(agent.config().agentId());
        assertThat(view.get("name").asText()).isEqualTo("agent-of-eu-west");
        assertThat(view.get("version").asText()).isEqualTo("test-agent");
        assertThat(view.get("status").asText()).isEqualTo("ONLINE");
        assertThat(view.get("statusReason").asText()).isEqualTo("connected");
        assertThat(view.get("remoteAddress").asText()).startsWith("127.0.0.1:");
        assertThat(view.get("heartbeatIntervalMillis").asLong()).isEqualTo(100);
        assertThat(view.get("capabilities")).extracting(JsonNode::asText)
                .containsExactly("heartbeat/v1", "time-sync/v1");
        assertThat(view.get("connectedAt").asText()).endsWith("Z");
        await().atMost(WAIT).until(() -> agent.status().state() == ChannelStatus.State.CONNECTED);
    }

    @Test
    void listsAgentsWithTheirStateAndPersistsThem() {
        fixture.startAgent("eu-west", token, Clock.systemUTC());
        awaitStatus("eu-west", AgentStatus.ONLINE);

        JsonNode list = fixture.get("/api/v1/agents").json();

        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("region").asText()).isEqualTo("eu-west");
        await().atMost(WAIT).until(() -> fixture.db.agents().find("eu-west")
                .map(r -> r.status() == AgentStatus.ONLINE && r.clockOffsetMicros() != null).orElse(false));
    }

    @Test
    void advancesTheLastHeartbeatWhileConnected() {
        fixture.startAgent("eu-west", token, Clock.systemUTC());
        AgentView first = awaitStatus("eu-west", AgentStatus.ONLINE);

        await().atMost(WAIT).until(() -> fixture.hub.find("eu-west").orElseThrow().lastHeartbeat()
                .isAfter(first.lastHeartbeat().plusMillis(250)));
    }

    @Test
    void measuresASkewedAgentClockWithinItsErrorBound() {
        Duration skew = Duration.ofMillis(250);
        fixture.startAgent("eu-west", token, Clock.offset(Clock.systemUTC(), skew));

        await().atMost(WAIT).until(() -> fixture.hub.find("eu-west").map(a -> a.clockOffsetMicros() != null).orElse(false));
        AgentView view = fixture.hub.find("eu-west").orElseThrow();

        System.out.printf("skew %d µs measured as %d µs ± %d µs%n", skew.toNanos() / 1000,
                view.clockOffsetMicros(), view.clockErrorMicros());
        assertThat(view.clockOffsetMicros()).isCloseTo(skew.toNanos() / 1000, within(view.clockErrorMicros()));
        assertThat(view.clockErrorMicros()).isLessThan(50_000);
        assertThat(fixture.hub.clockOffset("eu-west").orElseThrow().toOrchestratorMicros(1_000_000_000L))
                .isCloseTo(1_000_000_000L - 250_000, within(view.clockErrorMicros() + 1_000L));
        assertThat(fixture.get("/api/v1/agents/eu-west").json().get("clockOffsetMs").asDouble())
                .isCloseTo(250.0, within(view.clockErrorMicros() / 1000.0));
    }

    @Test
    void refusesAWrongTokenWith401AndKeepsTheAgentOffline() {
        Agent agent = fixture.startAgent("eu-west", "not-the-token", Clock.systemUTC());

        await().atMost(WAIT).until(() -> agent.status().failures() >= 2);
        assertThat(agent.status().lastFailure()).isEqualTo("orchestrator refused the token for region eu-west "
                + "(HTTP 401: {\"error\":\"agent token rejected for region 'eu-west'\",\"status\":401})");
        assertThat(fixture.hub.find("eu-west")).isEmpty();
    }

    @Test
    void refusesAnUpgradeWithoutTokenBeforeUpgrading() {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(fixture.server.actualPort()).setURI(AgentHub.CONNECT_PATH)
                .putHeader(AgentHub.REGION_HEADER, "eu-west");

        Throwable failure = fixture.agentVertx.createWebSocketClient().connect(options)
                .toCompletionStage().toCompletableFuture()
                .handle((ws, e) -> e).join();

        assertThat(failure).isInstanceOf(UpgradeRejectedException.class);
        assertThat(((UpgradeRejectedException) failure).getStatus()).isEqualTo(401);
        assertThat(((UpgradeRejectedException) failure).getBody().toString())
                .isEqualTo("{\"error\":\"missing header Authorization: Bearer <token>\",\"status\":401}");
    }

    @Test
    void refusesARegionThatIsNotEnrolled() {
        Agent agent = fixture.startAgent("ap-south", token, Clock.systemUTC());

        await().atMost(WAIT).until(() -> agent.status().failures() >= 1);
        assertThat(agent.status().lastFailure()).startsWith("orchestrator refused the token for region ap-south");
        assertThat(fixture.get("/api/v1/agents/ap-south").text())
                .isEqualTo("{\"error\":\"no agent for region 'ap-south'\",\"status\":404}");
    }

    @Test
    void answersMalformedFramesWithAnErrorAndKeepsTheConnection() throws Exception {
        RawAgent raw = fixture.connectRaw("eu-west", token);
        raw.send(new Hello("eu-west", "raw-1", null, "0", List.of(), 1000));
        raw.next(Welcome.class, WAIT);

        raw.sendRaw("this is not json");
        ProtocolError notJson = raw.next(ProtocolError.class, WAIT);
        raw.sendRaw("{\"v\":1,\"type\":\"heartbeat\",\"id\":\"t-x\",\"seq\":1}");
        ProtocolError missing = raw.next(ProtocolError.class, WAIT);
        raw.send(new Welcome("0", 0, "eu-west", 3, 5000));
        ProtocolError unexpected = raw.next(ProtocolError.class, WAIT);
        raw.send(new Heartbeat(1, 0));

        assertThat(notJson.code()).isEqualTo("not-json");
        assertThat(missing.message()).isEqualTo("missing field 'agentTimeMicros' in 'heartbeat' message");
        assertThat(missing.inReplyTo()).isEqualTo("t-x");
        assertThat(unexpected.code()).isEqualTo("unexpected-type");
        assertThat(raw.isClosed()).isFalse();
        assertThat(fixture.hub.find("eu-west").orElseThrow().status()).isEqualTo(AgentStatus.ONLINE);
    }

    @Test
    void tellsTheAgentItsTimeSyncIntervalInTheWelcome() throws Exception {
        RawAgent raw = fixture.connectRaw("eu-west", token);
        raw.send(new Hello("eu-west", "raw-1", null, "0", List.of(), 1000));

        Welcome welcome = raw.next(Welcome.class, WAIT);

        assertThat(welcome.syncIntervalMillis()).isEqualTo(HubFixture.CONFIG.timeSyncInterval().toMillis());
        assertThat(welcome.missedHeartbeatsAllowed()).isEqualTo(HubFixture.CONFIG.missedHeartbeats());
        assertThat(welcome.region()).isEqualTo("eu-west");
    }

    @Test
    void marksAnAgentOfflineAfterThreeMissedHeartbeatsAndClosesIt() throws Exception {
        RawAgent raw = fixture.connectRaw("eu-west", token);
        raw.send(new Hello("eu-west", "raw-1", null, "0", List.of(), 100));
        raw.next(Welcome.class, WAIT);

        AgentView view = awaitStatus("eu-west", AgentStatus.OFFLINE);

        assertThat(view.statusReason()).isEqualTo("3 heartbeats missed (interval 100 ms)");
        await().atMost(WAIT).until(raw::isClosed);
        assertThat(raw.closeCode()).isEqualTo((short) 4001);
    }

    @Test
    void marksAnAgentThatStopsOfflineAsStopped() throws Exception {
        Agent agent = fixture.startAgent("eu-west", token, Clock.systemUTC());
        awaitStatus("eu-west", AgentStatus.ONLINE);

        agent.stop().await(5, TimeUnit.SECONDS);

        assertThat(awaitStatus("eu-west", AgentStatus.OFFLINE).statusReason()).isEqualTo("agent stopped");
        await().atMost(WAIT).until(() -> fixture.db.agents().find("eu-west")
                .map(r -> r.status() == AgentStatus.OFFLINE).orElse(false));
    }

    @Test
    void replacesTheEarlierConnectionOfTheSameRegion() throws Exception {
        RawAgent first = fixture.connectRaw("eu-west", token);
        first.send(new Hello("eu-west", "first", null, "0", List.of(), 1000));
        first.next(Welcome.class, WAIT);
        RawAgent second = fixture.connectRaw("eu-west", token);
        second.send(new Hello("eu-west", "second", null, "0", List.of(), 1000));
        second.next(Welcome.class, WAIT);

        await().atMost(WAIT).until(first::isClosed);
        assertThat(first.closeCode()).isEqualTo((short) 4000);
        assertThat(fixture.hub.find("eu-west").orElseThrow().agentId()).isEqualTo("second");
        assertThat(fixture.hub.find("eu-west").orElseThrow().status()).isEqualTo(AgentStatus.ONLINE);
    }

    @Test
    void closesAConnectionWhoseHelloNamesAnotherRegion() throws Exception {
        RawAgent raw = fixture.connectRaw("eu-west", token);
        raw.send(new Hello("us-east", "raw-1", null, "0", List.of(), 1000));

        assertThat(raw.next(ProtocolError.class, WAIT).message())
                .isEqualTo("hello names region 'us-east' but the token is for region 'eu-west'");
        await().atMost(WAIT).until(raw::isClosed);
        assertThat(fixture.hub.find("us-east")).isEmpty();
    }

    @Test
    void sendsMessagesToTheOnlineAgentOnly() throws Exception {
        RawAgent raw = fixture.connectRaw("eu-west", token);
        raw.send(new Hello("eu-west", "raw-1", null, "0", List.of(), 1000));
        raw.next(Welcome.class, WAIT);
        awaitStatus("eu-west", AgentStatus.ONLINE);

        String id = fixture.hub.send("eu-west", new ProtocolError("test", "ping", null)).await(5, TimeUnit.SECONDS);
        Throwable offline = fixture.hub.send("us-east", new ProtocolError("test", "ping", null))
                .toCompletionStage().toCompletableFuture().handle((v, e) -> e).join();

        assertThat(id).startsWith("o-");
        assertThat(raw.next(ProtocolError.class, WAIT).message()).isEqualTo("ping");
        assertThat(offline).isInstanceOf(AgentUnavailableException.class)
                .hasMessage("no agent online for region 'us-east'");
    }
}
