package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.estate.pg.PostgresCluster;
import io.firedrill.testing.DistProcesses;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code firedrill estate up --detach} and {@code down} from the built distribution, as a user runs them. */
class EstateCommandIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FRONT_DOOR = Pattern.compile("front door \\(router\\)\\s+(http://\\S+)");
    private static final Pattern EU_WEST_API = Pattern.compile("Toxiproxy API, eu-west links\\s+http://127\\.0\\.0\\.1:(\\d+)");
    private DistProcesses dist;
    private Path dir;
    private int runs;

    @BeforeEach
    void workDir() throws Exception {
        dist = DistProcesses.in("estate-it");
        dir = dist.workDir().resolve("estate");
    }

    @AfterEach
    void stop() throws Exception {
        firedrill("estate", "down", "--dir", dir.toString());
        dist.close();
    }

    @Test
    void upServesTheH2EstateBlackoutFailsItOverAndDownRemovesIt() throws Exception {
        String up = firedrillOk("estate", "up", "--detach", "--ports", "free", "--dir", dir.toString(),
                "--health-interval", "100ms");
        String front = group(FRONT_DOOR, up);
        assertThat(Files.readString(dir.resolve("estate.yaml"))).contains("name: reference").contains(front);
        assertThat(put(front, "order-1").statusCode()).isEqualTo(201);

        ToxiproxyClient euWest = new ToxiproxyClient("127.0.0.1", Integer.parseInt(group(EU_WEST_API, up)));
        euWest.getProxy("users->eu-west").disable();
        euWest.getProxy("router->eu-west.health").disable();
        await().atMost(Duration.ofSeconds(20)).until(() -> "us-east".equals(status(front).getString("active")));
        HttpResponse<String> after = put(front, "order-2");
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(after.headers().firstValue("Firedrill-Region")).contains("us-east");

        String again = firedrill("estate", "up", "--dir", dir.toString()).output();
        assertThat(again).contains("an estate is already running from " + dir);

        long pid = state().getLong("pid");
        assertThat(firedrillOk("estate", "down", "--dir", dir.toString())).contains("estate stopped");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dir).doesNotExist();
    }

    @Test
    void downAfterTheEstateWasKilledStillStopsItsPostgresServers() throws Exception {
        if (!"1".equals(System.getenv("FIREDRILL_REQUIRE_POSTGRES"))) {
            assumeTrue(PostgresCluster.available(), "PostgreSQL server binaries not installed");
        }
        String up = firedrillOk("estate", "up", "--detach", "--db", "postgres", "--ports", "free",
                "--dir", dir.toString());
        String front = group(FRONT_DOOR, up);
        assertThat(put(front, "order-1").statusCode()).isEqualTo(201);
        assertThat(postgresServersUnder(dir)).as("a primary and a standby").hasSizeGreaterThanOrEqualTo(2);

        ProcessHandle estate = ProcessHandle.of(state().getLong("pid")).orElseThrow();
        estate.destroyForcibly(); // kill -9: nothing of the estate gets to clean up
        estate.onExit().get();
        assertThat(postgresServersUnder(dir)).isNotEmpty();

        assertThat(firedrillOk("estate", "down", "--dir", dir.toString())).contains("estate stopped");
        await().atMost(Duration.ofSeconds(30)).until(() -> postgresServersUnder(dir).isEmpty());
        assertThat(dir).doesNotExist();
    }

    private JsonObject state() throws Exception {
        return new JsonObject(Files.readString(dir.resolve("estate.json")));
    }

    private static List<ProcessHandle> postgresServersUnder(Path dir) {
        String path = dir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("postgres") && c.contains(path)).orElse(false)).toList();
    }

    private DistProcesses.Started firedrill(String... args) throws Exception {
        DistProcesses.Started p = dist.start("firedrill-" + ++runs, args);
        p.awaitExit(Duration.ofSeconds(180));
        return p;
    }

    private String firedrillOk(String... args) throws Exception {
        DistProcesses.Started p = dist.start("firedrill-" + ++runs, args);
        int exit = p.awaitExit(Duration.ofSeconds(180));
        assertThat(exit).as(p.output()).isZero();
        return p.output();
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> put(String front, String id) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(front + "/records/" + id))
                .PUT(HttpRequest.BodyPublishers.ofString("v")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject status(String front) throws Exception {
        return new JsonObject(HTTP.send(HttpRequest.newBuilder(URI.create(front + "/router/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
