package io.firedrill.orchestrator.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.testing.DistProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The control channel between real processes, started from the built distribution as an operator would:
 * one orchestrator and agents for two regions, then frozen ({@code kill -STOP}), thawed, killed, and an
 * impostor with a wrong token. The tests run in order because they share those processes; each process's
 * output is kept under {@code target/agent-processes-it/} for debugging.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentProcessesIT {
    private static final Duration HEARTBEAT = Duration.ofMillis(200);
    /** Three missed heartbeats, one sweep, and room for a loaded CI machine. */
    private static final Duration OFFLINE_WITHIN = HEARTBEAT.multipliedBy(3).plusSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static DistProcesses dist;
    private static Path work;
    private static Path dataDir;
    private static DistProcesses.Started orchestrator;
    private static int port;
    private static DistProcesses.Started euWest;
    private static DistProcesses.Started usEast;

    @BeforeAll
    static void startOrchestratorAndAgents() throws Exception {
        dist = DistProcesses.in("agent-processes-it");
        work = dist.workDir();
        dataDir = work.resolve("data");
        orchestrator = dist.start("orchestrator", "server", "--port", "0", "--data-dir", dataDir.toString(),
                "--enroll", "eu-west,us-east");
        port = orchestrator.awaitPort(Duration.ofSeconds(90));
        await("health answers 200").atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/health").statusCode() == 200);
        euWest = startAgent("eu-west", dataDir.resolve("tokens").resolve("eu-west.token"));
        usEast = startAgent("us-east", dataDir.resolve("tokens").resolve("us-east.token"));
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    @Order(1)
    void bothAgentsComeOnlineWithClockOffsetsAndHeartbeats() throws Exception {
        JsonNode eu = awaitAgent("eu-west", a -> "ONLINE".equals(a.path("status").asText())
                && a.hasNonNull("clockOffsetMicros"), Duration.ofSeconds(60));
        JsonNode us = awaitAgent("us-east", a -> "ONLINE".equals(a.path("status").asText())
                && a.hasNonNull("clockOffsetMicros"), Duration.ofSeconds(60));

        for (JsonNode agent : List.of(eu, us)) {
            System.out.printf("%s: clock offset %s ms ± %s ms%n", agent.get("region").asText(),
                    agent.get("clockOffsetMs").asText(), agent.get("clockErrorMs").asText());
            assertThat(agent.get("clockErrorMicros").asLong()).isNotNegative().isLessThan(100_000);
            // Same machine, same clock: the offset must be within its own bound of zero (plus 1 µs of rounding).
            assertThat(Math.abs(agent.get("clockOffsetMicros").asLong()))
                    .isLessThanOrEqualTo(agent.get("clockErrorMicros").asLong() + 1);
            assertThat(agent.get("heartbeatIntervalMillis").asLong()).isEqualTo(HEARTBEAT.toMillis());
        }
        Instant firstBeat = Instant.parse(eu.get("lastHeartbeat").asText());
        awaitAgent("eu-west", a -> Instant.parse(a.get("lastHeartbeat").asText()).isAfter(firstBeat.plus(HEARTBEAT)),
                Duration.ofSeconds(10));
        assertThat(euWest.output())
                .containsPattern("agent eu-west connected to ws://127\\.0\\.0\\.1:" + port + " \\(agent id [0-9a-f-]{36}\\)");
    }

    @Test
    @Order(2)
    void aFrozenAgentGoesOfflineAfterThreeMissedHeartbeatsAndReconnectsWhenThawed() throws Exception {
        awaitAgent("eu-west", a -> "ONLINE".equals(a.path("status").asText()), Duration.ofSeconds(60));
        Instant frozenAt = Instant.now();
        euWest.signal("STOP");

        JsonNode offline = awaitAgent("eu-west", a -> "OFFLINE".equals(a.path("status").asText()), OFFLINE_WITHIN);
        System.out.printf("eu-west frozen: offline after %d ms (3 x %d ms heartbeat)%n",
                Duration.between(frozenAt, Instant.now()).toMillis(), HEARTBEAT.toMillis());
        assertThat(offline.get("statusReason").asText()).isEqualTo("3 heartbeats missed (interval 200 ms)");

        euWest.signal("CONT");
        JsonNode back = awaitAgent("eu-west", a -> "ONLINE".equals(a.path("status").asText()), Duration.ofSeconds(20));
        assertThat(Instant.parse(back.get("connectedAt").asText())).isAfter(frozenAt);
        assertThat(euWest.isAlive()).isTrue();
    }

    @Test
    @Order(3)
    void aKilledAgentGoesOfflineWithConnectionClosed() throws Exception {
        awaitAgent("us-east", a -> "ONLINE".equals(a.path("status").asText()), Duration.ofSeconds(60));

        usEast.process().destroyForcibly();

        JsonNode offline = awaitAgent("us-east", a -> "OFFLINE".equals(a.path("status").asText()), OFFLINE_WITHIN);
        assertThat(offline.get("statusReason").asText()).isEqualTo("connection closed");
    }

    @Test
    @Order(4)
    void anAgentWithAWrongTokenIsRefusedAndKeepsRetrying() throws Exception {
        Path wrongToken = Files.writeString(work.resolve("wrong.token"), "not-the-us-east-token\n");
        DistProcesses.Started impostor = dist.start("agent-us-east-impostor", "agent", "--region", "us-east",
                "--orchestrator", "ws://127.0.0.1:" + port, "--token-file", wrongToken.toString(), "--heartbeat", "200ms");

        await("impostor refused twice").atMost(Duration.ofSeconds(60))
                .until(() -> count(impostor.output(), "orchestrator refused the token for region us-east") >= 2);
        assertThat(orchestrator.output()).contains("refused agent connection for region us-east from 127.0.0.1:");
        assertThat(orchestrator.output()).doesNotContain("not-the-us-east-token");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> !"ONLINE".equals(agent("us-east").path("status").asText()) && impostor.isAlive());
    }

    private static DistProcesses.Started startAgent(String region, Path tokenFile) throws IOException {
        return dist.start("agent-" + region, "agent", "--region", region,
                "--orchestrator", "ws://127.0.0.1:" + port, "--token-file", tokenFile.toString(),
                "--heartbeat", HEARTBEAT.toMillis() + "ms");
    }

    private interface AgentCondition {
        boolean test(JsonNode agent) throws Exception;
    }

    private static JsonNode awaitAgent(String region, AgentCondition condition, Duration within) throws Exception {
        await(region + " in the expected state").atMost(within).pollInterval(Duration.ofMillis(50))
                .until(() -> condition.test(agent(region)));
        return agent(region);
    }

    private static JsonNode agent(String region) throws Exception {
        HttpResponse<String> r = get("/api/v1/agents/" + region);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (!path.equals("/api/v1/health")) {
            request.header("Authorization", io.firedrill.testing.AdminToken.bearer(dataDir));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
