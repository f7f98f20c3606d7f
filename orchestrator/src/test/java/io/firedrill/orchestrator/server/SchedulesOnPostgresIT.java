package io.firedrill.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.testing.AdminToken;
import io.firedrill.testing.DistProcesses;
import io.firedrill.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.TestAbortedException;

/**
 * Two orchestrator processes on one PostgreSQL database share the game-day schedules through Quartz's clustered job
 * store: a one-off fires exactly once across the two, and a cron schedule goes on firing on the survivor after the
 * other is killed with SIGKILL. No agent is connected, so each run aborts in preflight; the fires are what count.
 * Output is kept under {@code target/schedules-on-postgres-it/}. Skipped without PostgreSQL, or fails when
 * FIREDRILL_REQUIRE_POSTGRES=1, as the store tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulesOnPostgresIT {
    private static final Path REGION_BLACKOUT = Path.of("..", "experiments", "catalog", "region-blackout.yaml");
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(90);
    /** Cluster check-in 5 s + Quartz's 7.5 s grace before a dead peer's triggers are freed, plus a slow machine. */
    private static final Duration TAKEN_OVER_WITHIN = Duration.ofSeconds(60);
    private static final Pattern STARTED = Pattern.compile("schedule once: game day of region-blackout \\(due [^)]+\\) "
            + "started run");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String skipped;
    private static DistProcesses dist;
    private static Path tokenDataDir;
    private static DistProcesses.Started a;
    private static DistProcesses.Started b;
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startTwoOrchestratorsOnOneDatabase() throws Exception {
        DbConfig db;
        try {
            db = SharedPostgres.freshDatabase("schedules"); // fails here without PostgreSQL when it is required
        } catch (TestAbortedException e) {
            skipped = e.getMessage();
            return;
        }
        dist = DistProcesses.in("schedules-on-postgres-it");
        Path password = Files.writeString(dist.workDir().resolve("db.password"), db.password() + "\n");
        a = start("orchestrator-a", db, password);
        portA = a.awaitPort(STARTS_WITHIN);
        // the first start on the database writes the admin's token; the second finds the admin there already
        tokenDataDir = dist.workDir().resolve("orchestrator-a");
        b = start("orchestrator-b", db, password);
        portB = b.awaitPort(STARTS_WITHIN);
        HttpResponse<String> stored = send(portA, HttpRequest.newBuilder(uri(portA, "/api/v1/experiments"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(REGION_BLACKOUT))));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }

    @BeforeEach
    void requirePostgres() {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    @Order(1)
    void aOneOffFiresExactlyOnceAcrossTheTwoOrchestrators() throws Exception {
        Instant at = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        Instant before = Instant.now();
        assertThat(createSchedule(portA, "once", "at", at.toString()).statusCode()).isEqualTo(201);
        assertThat(json(portB, "/api/v1/schedules/once").path("nextFires").get(0).path("utc").asText())
                .isEqualTo(at.toString());

        await("the one-off fires").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> fires(portB, "once").size() == 1);
        // longer than a cluster check-in and a scheduler idle wait: a second fire would have shown by then
        await("no second fire anywhere").during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(15))
                .until(() -> fires(portA, "once").size() == 1);

        JsonNode fire = fires(portA, "once").get(0);
        assertThat(fire.path("outcome").asText()).isEqualTo("started");
        assertThat(fire.path("scheduledFor").asText()).isEqualTo(at.toString());
        List<JsonNode> runs = new ArrayList<>();
        json(portA, "/api/v1/runs").forEach(r -> {
            if (Instant.parse(r.path("createdAt").asText()).isAfter(before)) {
                runs.add(r);
            }
        });
        assertThat(runs).extracting(r -> r.path("id").asText()).containsExactly(fire.path("runId").asText());
        long startedLines = Stream.of(a, b).mapToLong(p -> STARTED.matcher(p.output()).results().count()).sum();
        assertThat(startedLines).as("'started run' log lines across both").isEqualTo(1);
    }

    @Test
    @Order(2)
    void aCronScheduleKeepsFiringOnTheSurvivorAfterTheOtherOrchestratorIsKilled() throws Exception {
        assertThat(createSchedule(portA, "often", "cron", "*/2 * * * * ?").statusCode()).isEqualTo(201);
        await("the cron schedule fires").atMost(Duration.ofSeconds(30)).until(() -> !fires(portB, "often").isEmpty());

        a.signal("KILL");
        assertThat(a.awaitExit(Duration.ofSeconds(10))).isNotZero();
        Instant killed = Instant.now();

        await("a fire handled after the kill").atMost(TAKEN_OVER_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> fires(portB, "often").stream()
                        .anyMatch(f -> Instant.parse(f.path("firedAt").asText()).isAfter(killed)));
        await("a game day started by the survivor").atMost(TAKEN_OVER_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> fires(portB, "often").stream().anyMatch(f -> f.path("outcome").asText().equals("started")
                        && Instant.parse(f.path("firedAt").asText()).isAfter(killed)));
        assertThat(b.isAlive()).isTrue();
    }

    private static DistProcesses.Started start(String name, DbConfig db, Path password) throws Exception {
        return dist.start(name, "server", "--port", "0", "--data-dir", dist.workDir().resolve(name).toString(),
                "--db-url", db.url(), "--db-user", db.user(), "--db-password-file", password.toString());
    }

    private static HttpResponse<String> createSchedule(int port, String name, String field, String value)
            throws Exception {
        String body = "{\"name\": \"" + name + "\", \"experiment\": \"region-blackout\", \"" + field + "\": \"" + value
                + "\"}";
        HttpResponse<String> r = send(port, HttpRequest.newBuilder(uri(port, "/api/v1/schedules"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private static List<JsonNode> fires(int port, String schedule) throws Exception {
        List<JsonNode> fires = new ArrayList<>();
        json(port, "/api/v1/schedules/" + schedule + "/fires").forEach(fires::add);
        return fires;
    }

    private static JsonNode json(int port, String path) throws Exception {
        HttpResponse<String> r = send(port, HttpRequest.newBuilder(uri(port, path)).GET());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).header("Authorization",
                AdminToken.bearer(tokenDataDir)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
