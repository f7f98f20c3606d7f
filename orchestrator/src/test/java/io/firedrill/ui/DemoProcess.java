package io.firedrill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.testing.DistProcesses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code firedrill demo --no-runs} in its own process, as the browser tests use it: an orchestrator on H2, an agent
 * per region and the H2 reference estate on its fixed ports, serving the UI; with the address, the admin token and
 * the admin's API. Registered as an extension on a browser test class, it starts before the class's first test (in a
 * work directory named {@code name}) and stops after its last.
 */
final class DemoProcess implements BeforeAllCallback, AfterAllCallback {
    /** The reference estate's fixed ports on H2 (router, apps, databases, links): the demo needs them free. */
    static final List<Integer> ESTATE_PORTS = IntStream.concat(IntStream.of(18080, 18101, 18102, 18111, 18112),
            IntStream.rangeClosed(18201, 18206)).boxed().toList();

    /** The reference estate's router: the front door of the demo's estate. */
    static final String FRONT_DOOR = "http://127.0.0.1:18080";

    private static final Duration START = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private DistProcesses dist;
    private DistProcesses.Started demo;
    private String base;
    private String adminToken;

    DemoProcess(String name) {
        this.name = name;
    }

    /** Starts the demo once the estate's ports are free, and waits until it serves. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dist = DistProcesses.in(name);
        // Another demo or estate on this machine (the other browser test class, DemoIT) may still hold the ports.
        await("the reference estate's ports " + ESTATE_PORTS + " free (another demo or estate holds them)")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ESTATE_PORTS.stream().allMatch(DemoProcess::free));
        Path data = dist.workDir().resolve("data");
        demo = dist.start("demo", "demo", "--no-runs", "--port", "0", "--data-dir", data.toString());
        long deadline = System.nanoTime() + START.toNanos();
        base = awaitLog(demo, "orchestrator up at (http://127\\.0\\.0\\.1:\\d+)", deadline).group(1);
        awaitLog(demo, "Serving until Ctrl-C\\.", deadline);
        Path file = data.resolve("tokens").resolve("users").resolve("admin.token");
        assertThat(file).as("the admin token file (demo log: %s)", demo.log()).isRegularFile();
        adminToken = Files.readString(file).strip();
        assertThat(adminToken).as("the admin token in %s", file).isNotEmpty();
    }

    /** The UI's and the API's base URL, e.g. {@code http://127.0.0.1:41234}. */
    String base() {
        return base;
    }

    String adminToken() {
        return adminToken;
    }

    /** Where the demo's output goes, for failure messages. */
    Path log() {
        return demo.log();
    }

    /** Until the estate's router has eu-west active again: a run that failed it over leaves it so. */
    void failBack(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        await("the estate fails back to eu-west (GET " + FRONT_DOOR + "/router/status)").atMost(within)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                            URI.create(FRONT_DOOR + "/router/status")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (status.statusCode() == 200 && status.body().contains("\"active\":\"eu-west\"")) {
                        return true;
                    }
                    http.send(HttpRequest.newBuilder(URI.create(FRONT_DOOR + "/failback"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"switchBack\": true, \"actor\": \"ui-it\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    return false;
                });
    }

    /**
     * Calls the API as the admin: a body starting with '{' goes as JSON, any other as YAML. Fails unless the answer is
     * 2xx; returns the JSON answer (an empty object for 204).
     */
    JsonNode api(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(10));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/yaml")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isBetween(200, 299);
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
    }

    /** Waits until the demo has logged a line, failing at once should it exit first. */
    private static MatchResult awaitLog(DistProcesses.Started demo, String regex, long deadlineNanos) {
        Pattern pattern = Pattern.compile(regex);
        Duration left = Duration.ofNanos(Math.max(deadlineNanos - System.nanoTime(), 1_000_000_000L));
        await("the demo logs /" + regex + "/ (log: " + demo.log() + ")").atMost(left)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !demo.isAlive() || pattern.matcher(demo.output()).find());
        assertThat(demo.isAlive()).as("the demo exited early:\n%s", demo.output()).isTrue();
        return demo.awaitLog(pattern, Duration.ofSeconds(1));
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
