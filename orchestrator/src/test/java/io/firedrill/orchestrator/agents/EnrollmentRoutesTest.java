package io.firedrill.orchestrator.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firedrill.agent.Agent;
import io.firedrill.agent.control.ChannelStatus;
import io.firedrill.orchestrator.store.AgentRecord;
import io.firedrill.orchestrator.store.AgentStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/enrollments} and what enrollment means for agents, through real HTTP. */
class EnrollmentRoutesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    private HubFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new HubFixture(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void issuesATokenAnAgentCanConnectWith() {
        HubFixture.Reply reply = fixture.post("/api/v1/enrollments", "{\"region\":\"eu-west\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("region").asText()).isEqualTo("eu-west");
        assertThat(reply.json().get("createdAt").asText()).endsWith("Z");
        Agent agent = fixture.startAgent("eu-west", reply.json().get("token").asText(), Clock.systemUTC());
        await().atMost(WAIT).until(() -> agent.status().state() == ChannelStatus.State.CONNECTED);
    }

    @Test
    void rejectsAnInvalidRegionNamingTheFieldAndTheValue() {
        HubFixture.Reply reply = fixture.post("/api/v1/enrollments", "{\"region\":\"EU_West\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("field 'region': 'EU_West' is not a valid region "
                + "name; expected lower-case letters, digits and '-', starting with a letter or digit, "
                + "at most 63 characters (e.g. eu-west)");
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void rejectsABodyThatIsNotAJsonObject() {
        HubFixture.Reply reply = fixture.post("/api/v1/enrollments", "eu-west");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText())
                .isEqualTo("request body must be a JSON object like {\"region\":\"eu-west\"}");
    }

    @Test
    void asksForTheRegionWhenTheBodyHasNone() {
        HubFixture.Reply reply = fixture.post("/api/v1/enrollments", "{}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("field 'region' is required, e.g. {\"region\":\"eu-west\"}");
    }

    @Test
    void listsEnrollmentsWithoutTheirTokens() {
        String token = fixture.post("/api/v1/enrollments", "{\"region\":\"us-east\"}").json().get("token").asText();
        fixture.post("/api/v1/enrollments", "{\"region\":\"eu-west\"}");

        HubFixture.Reply reply = fixture.get("/api/v1/enrollments");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).extracting(e -> e.get("region").asText()).containsExactly("eu-west", "us-east");
        assertThat(reply.json()).allSatisfy(e -> assertThat(e.has("token")).isFalse());
        assertThat(reply.text()).doesNotContain(token);
    }

    @Test
    void revokingAnEnrollmentDisconnectsItsAgentAndLocksItOut() {
        String token = fixture.enroll("eu-west");
        Agent agent = fixture.startAgent("eu-west", token, Clock.systemUTC());
        await().atMost(WAIT).until(() -> agent.status().state() == ChannelStatus.State.CONNECTED);

        assertThat(fixture.delete("/api/v1/enrollments/eu-west").status()).isEqualTo(204);

        await().atMost(WAIT).until(() -> fixture.hub.find("eu-west").orElseThrow().status() == AgentStatus.OFFLINE);
        assertThat(fixture.hub.find("eu-west").orElseThrow().statusReason()).isEqualTo("enrollment revoked");
        await().atMost(WAIT).until(() -> String.valueOf(agent.status().lastFailure())
                .startsWith("orchestrator refused the token for region eu-west"));
    }

    @Test
    void answers404WhenRevokingAnUnknownEnrollment() {
        HubFixture.Reply reply = fixture.delete("/api/v1/enrollments/nowhere");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).isEqualTo("{\"error\":\"no enrollment for region 'nowhere'\",\"status\":404}");
    }

    @Test
    void showsAgentsFromEarlierRunsAsOffline() throws Exception {
        Instant then = Instant.parse("2025-11-26T10:00:00Z");
        fixture.db.agents().save(new AgentRecord("us-east", "old-agent", "0.0.1", List.of(), AgentStatus.ONLINE,
                "connected", "10.0.0.7:5000", then, then, 1_200L, 300L));
        // A second hub on the same database stands for the orchestrator after a crash and restart.
        AgentHub restarted = new AgentHub(fixture.vertx, fixture.db.enrollments(), fixture.db.agents(),
                Clock.systemUTC(), HubFixture.CONFIG);

        restarted.start().await(10, TimeUnit.SECONDS);

        AgentView view = restarted.find("us-east").orElseThrow();
        assertThat(view.status()).isEqualTo(AgentStatus.OFFLINE);
        assertThat(view.statusReason()).isEqualTo("orchestrator restarted");
        assertThat(view.lastHeartbeat()).isEqualTo(then);
        assertThat(view.clockOffsetMicros()).isEqualTo(1_200L);
        await().atMost(WAIT).until(() -> fixture.db.agents().find("us-east").orElseThrow().status() == AgentStatus.OFFLINE);
        restarted.stop().await(10, TimeUnit.SECONDS);
    }
}
