package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firedrill.testing.DistProcesses;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processes end-to-end run tests share: the H2 reference estate ({@code firedrill estate up --ports free}), an
 * orchestrator on a fixed port (so it can be restarted where its agents look for it) with the estate registered, and
 * an agent per region carrying its links; the estate left in its declared shape, eu-west primary.
 */
final class EstateRig implements AutoCloseable {
    static final Duration START = Duration.ofSeconds(90);
    private static final Pattern FRONT_DOOR = Pattern.compile("front door \\(router\\)\\s+(http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final DistProcesses dist;
    final Path work;
    final Path data;
    final String frontDoor;
    final int orchestratorPort;
    final ApiClient api;
    final Map<String, DistProcesses.Started> agents = new LinkedHashMap<>();
    DistProcesses.Started orchestrator;

    private EstateRig(DistProcesses dist, String frontDoor, int orchestratorPort, DistProcesses.Started orchestrator) {
        this.dist = dist;
        this.work = dist.workDir();
        this.data = work.resolve("data");
        this.frontDoor = frontDoor;
        this.orchestratorPort = orchestratorPort;
        this.orchestrator = orchestrator;
        this.api = ApiClient.admin("http://127.0.0.1:" + orchestrator.awaitPort(START), data);
    }

    /** Starts everything in a work directory named {@code name}. */
    static EstateRig start(String name) throws Exception {
        DistProcesses dist = DistProcesses.in(name);
        Path estateDir = dist.workDir().resolve("estate");
        DistProcesses.Started up = dist.start("estate-up", "estate", "up", "--detach", "--ports", "free", "--links",
                "none", "--health-interval", "100ms", "--dir", estateDir.toString());
        assertThat(up.awaitExit(START)).as(up.output()).isZero();
        Matcher m = FRONT_DOOR.matcher(up.output());
        assertThat(m.find()).as(up.output()).isTrue();
        int port = freePort();
        DistProcesses.Started orchestrator = dist.start("orchestrator", "server", "--port", Integer.toString(port),
                "--data-dir", dist.workDir().resolve("data").toString(), "--enroll", "eu-west,us-east");
        EstateRig rig = new EstateRig(dist, m.group(1), port, orchestrator);
        Path estate = estateDir.resolve("estate.yaml");
        ApiClient.Reply registered = rig.api.post("/api/v1/estates", "application/yaml", Files.readString(estate));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        for (String region : List.of("eu-west", "us-east")) {
            rig.agents.put(region, dist.start("agent-" + region, "agent", "--region", region, "--orchestrator",
                    "ws://127.0.0.1:" + port, "--token-file", rig.data.resolve("tokens").resolve(region + ".token")
                            .toString(), "--heartbeat", "200ms", "--estate", estate.toString(), "--state-dir",
                    rig.work.resolve("state-" + region).toString()));
        }
        for (String region : List.of("eu-west", "us-east")) {
            rig.awaitOnline(region);
        }
        await("the front door serves through the agents' links").atMost(START)
                .until(() -> rig.status("/records?limit=1") == 200);
        // The router started before the agents served its links, so it may have failed over already: every test
        // starts from the estate's declared shape, eu-west primary.
        rig.failBack();
        return rig;
    }

    /** Starts the orchestrator again on the same port and data directory (after it was killed). */
    void restartOrchestrator() throws IOException {
        orchestrator = dist.start("orchestrator-restarted", "server", "--port", Integer.toString(orchestratorPort),
                "--data-dir", data.toString());
        orchestrator.awaitPort(START);
    }

    void awaitOnline(String region) {
        await(region + " online").atMost(START).pollInterval(Duration.ofMillis(100))
                .until(() -> "ONLINE".equals(api.get("/api/v1/agents/" + region).json().path("status").asText()));
    }

    /** Sets the router's policy or fencing, e.g. {@code {"policy": "manual"}}. */
    void routerSettings(String json) throws Exception {
        HttpResponse<String> r = post("/router/settings", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Until eu-west is the active region again. */
    void failBack() {
        await("eu-west primary").atMost(START).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (get("/router/status").contains("\"active\":\"eu-west\"")) {
                return true;
            }
            post("/failback", "{}");
            return false;
        });
    }

    /** The status of a GET through the front door, or -1 when it did not answer. */
    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(frontDoor + path)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(frontDoor + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(frontDoor + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        dist.start("estate-down", "estate", "down", "--dir", work.resolve("estate").toString())
                .awaitExit(Duration.ofSeconds(90));
        dist.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
