package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status codes and error bodies of the API that are not about experiments: health, routing, limits, runs. */
class ApiStatusCodesTest {
    private static final long BODY_LIMIT = 4096;

    @TempDir
    static Path dataDir;
    static OrchestratorServer server;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        ServerConfig defaults = ServerConfig.defaults(dataDir).withPort(0);
        server = OrchestratorServer.start(new ServerConfig(defaults.bind(), 0, dataDir, defaults.db(),
                defaults.enrollRegions(), defaults.tokenDir(), BODY_LIMIT));
        api = new ApiClient(server.baseUrl(), server.adminTokenFile());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthReportsVersionDatabaseAndAgents() {
        ApiClient.Reply r = api.get("/api/v1/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().get("database").asText()).isEqualToIgnoringCase("h2");
        assertThat(r.json().get("version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(r.json().get("agentsOnline").asInt()).isZero();
    }

    @Test
    void unknownRouteGivesJson404NamingThePath() {
        ApiClient.Reply r = api.get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no such route: GET /api/v1/nothing-here");
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void wrongMethodGivesJson405() {
        ApiClient.Reply r = api.put("/api/v1/health", "{}");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().get("error").asText()).isEqualTo("method PUT not allowed on /api/v1/health");
    }

    @Test
    void oversizedBodyGivesJson413AndStoresNothing() {
        String huge = "name: big\n" + "# padding\n".repeat((int) BODY_LIMIT);
        ApiClient.Reply r = api.post("/api/v1/experiments", "application/yaml", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("error").asText()).isEqualTo("request body too large: the limit is 4096 bytes");
        assertThat(api.get("/api/v1/experiments").json()).isEmpty();
    }

    @Test
    void runsAreEmptyAndAnUnknownRunIs404() {
        assertThat(api.get("/api/v1/runs").json()).isEmpty();
        ApiClient.Reply r = api.get("/api/v1/runs/r-123");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no run with id 'r-123'");
    }
}
