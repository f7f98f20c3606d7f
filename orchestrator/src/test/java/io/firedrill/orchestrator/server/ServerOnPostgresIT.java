package io.firedrill.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.testing.DistProcesses;
import io.firedrill.testing.SharedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
 * The orchestrator as a real process on a real PostgreSQL 15, configured as an operator would
 * ({@code --db-url}, {@code --db-user}, {@code --db-password-file}), with a real agent process for eu-west: an
 * experiment and the agent survive a SIGTERM and a restart on the same database. The tests run in order because
 * they share those processes; their output is kept under {@code target/server-on-postgres-it/}. Without the
 * PostgreSQL server binaries the class is skipped, or fails when FIREDRILL_REQUIRE_POSTGRES=1, as the store tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerOnPostgresIT {
    private static final Path REGION_BLACKOUT = Path.of("..", "experiments", "catalog", "region-blackout.yaml");
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(90);
    private static final Duration EXITS_WITHIN = Duration.ofSeconds(30);
    /** The agent's reconnect backoff reaches 15 s at most; this leaves room for one full step and a slow machine. */
    private static final Duration ONLINE_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Why there is no PostgreSQL to test on, when there is none; each test then reports itself skipped. */
    private static String skipped;
    private static DbConfig db;
    private static DistProcesses dist;
    private static Path dataDir;
    private static Path passwordFile;
    private static DistProcesses.Started orchestrator;
    private static DistProcesses.Started agent;
    private static int port;

    @BeforeAll
    static void startTheOrchestratorOnPostgres() throws Exception {
        try {
            db = SharedPostgres.freshDatabase("server"); // fails here without PostgreSQL when it is required
        } catch (TestAbortedException e) {
            skipped = e.getMessage();
            return;
        }
        dist = DistProcesses.in("server-on-postgres-it");
        dataDir = dist.workDir().resolve("data");
        passwordFile = Files.writeString(dist.workDir().resolve("db.password"), db.password() + "\n");
        long t0 = System.nanoTime();
        orchestrator = startOrchestrator("orchestrator-1", 0);
        port = orchestrator.awaitPort(STARTS_WITHIN);
        await("health answers 200").atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/health").statusCode() == 200);
        System.out.printf("orchestrator on PostgreSQL: process start to healthy in %d ms%n", millisSince(t0));
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
    void healthReportsPostgresqlAndTheOutputNeverShowsThePassword() throws Exception {
        HttpResponse<String> health = get("/api/v1/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":\"postgresql\"");
        assertThat(orchestrator.output()).contains("(database " + db.display() + ",")
                .doesNotContain(db.password());
    }

    @Test
    @Order(2)
    void aPostedCatalogExperimentIsCreatedAndTheRegionsAgentComesOnline() throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/experiments"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", io.firedrill.testing.AdminToken.bearer(dataDir))
                        .header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofString(Files.readString(REGION_BLACKOUT)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        agent = dist.start("agent-eu-west", "agent", "--region", "eu-west", "--orchestrator", "ws://127.0.0.1:" + port,
                "--token-file", dataDir.resolve("tokens").resolve("eu-west.token").toString());

        awaitAgent(a -> "ONLINE".equals(a.path("status").asText()));
    }

    @Test
    @Order(3)
    void afterSigtermAndARestartOnTheSameDatabaseTheExperimentIsStillThereAndTheAgentReconnectsOnItsOwn()
            throws Exception {
        awaitAgent(a -> "ONLINE".equals(a.path("status").asText()));

        long t0 = System.nanoTime();
        orchestrator.signal("TERM");
        assertThat(orchestrator.awaitExit(EXITS_WITHIN)).as(orchestrator.output()).isZero();
        System.out.printf("orchestrator exited 0 %d ms after SIGTERM%n", millisSince(t0));

        // The agent saw the orchestrator go, and keeps dialling: a second attempt means a refused dial after the close.
        agent.awaitLog("retrying in \\d+ ms \\(attempt 2\\)", EXITS_WITHIN);
        assertThat(agent.isAlive()).isTrue();

        Instant restartedAt = Instant.now();
        long t1 = System.nanoTime();
        orchestrator = startOrchestrator("orchestrator-2", port);
        assertThat(orchestrator.awaitPort(STARTS_WITHIN)).isEqualTo(port);

        HttpResponse<String> experiment = get("/api/v1/experiments/region-blackout");
        assertThat(experiment.statusCode()).as(experiment.body()).isEqualTo(200);
        assertThat(JSON.readTree(experiment.body()).path("name").asText()).isEqualTo("region-blackout");

        JsonNode back = awaitAgent(a -> "ONLINE".equals(a.path("status").asText())
                && Instant.parse(a.path("connectedAt").asText()).isAfter(restartedAt));
        System.out.printf("eu-west online again %d ms after the restart began (connected at %s)%n",
                millisSince(t1), back.path("connectedAt").asText());
        assertThat(agent.isAlive()).isTrue();
        assertThat(Pattern.compile("agent eu-west connected to ").matcher(agent.output()).results().count())
                .isEqualTo(2);
        assertThat(orchestrator.output()).doesNotContain(db.password());
    }

    @Test
    @Order(4)
    void aServerWhoseDatabaseIsUnreachableExitsNonZeroWithOneLineNamingTheUrl() throws Exception {
        int closedPort = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/firedrill";

        long t0 = System.nanoTime();
        DistProcesses.Started refused = dist.start("orchestrator-unreachable-db", "server", "--port", "0",
                "--data-dir", dist.workDir().resolve("data-unreachable").toString(), "--db-url", url,
                "--db-user", db.user(), "--db-password-file", passwordFile.toString());
        int exit = refused.awaitExit(EXITS_WITHIN);
        System.out.printf("server with an unreachable database exited %d after %d ms%n", exit, millisSince(t0));

        String out = refused.output();
        assertThat(exit).as(out).isNotZero();
        assertThat(out).containsPattern("(?m)^firedrill server: cannot open database " + Pattern.quote(url)
                        + ": Connection to 127\\.0\\.0\\.1:" + closedPort + " refused.*$")
                .doesNotContainPattern("(?m)^\\s+at \\S+\\(")
                .doesNotContain("Caused by:")
                .doesNotContain(db.password());
        assertThat(out.lines().filter(l -> l.contains("cannot open database"))).hasSize(1);
    }

    private static DistProcesses.Started startOrchestrator(String name, int onPort) throws IOException {
        return dist.start(name, "server", "--port", String.valueOf(onPort), "--data-dir", dataDir.toString(),
                "--db-url", db.url(), "--db-user", db.user(), "--db-password-file", passwordFile.toString(),
                "--enroll", "eu-west");
    }

    /** A loopback port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode awaitAgent(Predicate<JsonNode> condition) throws Exception {
        await("eu-west in the expected state").atMost(ONLINE_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> condition.test(agent()));
        return agent();
    }

    private static JsonNode agent() throws Exception {
        return JSON.readTree(get("/api/v1/agents/eu-west").body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5));
        if (!path.equals("/api/v1/health")) {
            request.header("Authorization", io.firedrill.testing.AdminToken.bearer(dataDir));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
