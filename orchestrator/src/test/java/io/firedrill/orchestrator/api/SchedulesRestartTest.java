package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules, their paused flags and their next fires come back from the job store after a restart on the same data. */
class SchedulesRestartTest {
    @TempDir
    Path dataDir;
    private OrchestratorServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void schedulesAndTheirNextFiresSurviveARestartOnTheSameDataDirectory() throws Exception {
        ApiClient api = start();
        assertThat(api.post("/api/v1/experiments", "application/yaml",
                Source.classpath("catalog/region-blackout.yaml").text()).status()).isEqualTo(201);
        String at = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        created(api, SchedulesApiTest.schedule("tuesdays", "region-blackout", "cron", "0 0 10 ? * TUE",
                "Europe/Paris"));
        created(api, SchedulesApiTest.schedule("once", "region-blackout", "at", at, null));
        created(api, SchedulesApiTest.schedule("held", "region-blackout", "cron", "0 30 9 ? * MON-FRI", "Asia/Tokyo"));
        assertThat(api.post("/api/v1/schedules/held/pause", null, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/freeze-windows", SchedulesApiTest.JSON, "{\"name\": \"weekend\", \"weekly\": "
                + "\"FRI 18:00-MON 08:00\", \"timeZone\": \"Europe/Paris\"}").status()).isEqualTo(201);
        JsonNode before = api.get("/api/v1/schedules").json();

        server.close();
        server = null;
        ApiClient again = start();

        JsonNode after = again.get("/api/v1/schedules").json();
        assertThat(after).isEqualTo(before);
        assertThat(after).extracting(s -> s.get("name").asText()).containsExactly("held", "once", "tuesdays");
        assertThat(after.get(0).get("paused").asBoolean()).isTrue();
        assertThat(after.get(1).get("nextFires").get(0).get("utc").asText()).isEqualTo(at);
        assertThat(after.get(2).get("nextFires")).hasSize(3);
        assertThat(again.get("/api/v1/freeze-windows").json()).extracting(w -> w.get("name").asText())
                .containsExactly("weekend");
    }

    private ApiClient start() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dataDir).withPort(0));
        return new ApiClient(server.baseUrl(), server.adminTokenFile());
    }

    private static void created(ApiClient api, String body) {
        ApiClient.Reply r = api.post("/api/v1/schedules", SchedulesApiTest.JSON, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }
}
