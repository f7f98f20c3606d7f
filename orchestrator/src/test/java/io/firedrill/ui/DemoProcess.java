package io.firedrill.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/**
 * {@code firedrill demo --no-runs} in its own process, as the browser tests use it: an orchestrator on H2, an agent
 * per region and the H2 reference estate on its fixed ports, serving the UI; with the address and the admin token.
 */
final class DemoProcess implements AutoCloseable {
    /** The reference estate's fixed ports on H2 (router, apps, databases, links): the demo needs them free. */
    static final List<Integer> ESTATE_PORTS = IntStream.concat(IntStream.of(18080, 18101, 18102, 18111, 18112),
            IntStream.rangeClosed(18201, 18206)).boxed().toList();

    /** The reference estate's router: the front door of the demo's estate. */
    static final String FRONT_DOOR = "http://127.0.0.1:18080";

    private final DistProcesses dist;
    private final DistProcesses.Started demo;
    private final String base;
    private final String adminToken;

    private DemoProcess(DistProcesses dist, DistProcesses.Started demo, String base, String adminToken) {
        this.dist = dist;
        this.demo = demo;
        this.base = base;
        this.adminToken = adminToken;
    }

    /** Starts a demo in a work directory named {@code name}, once the estate's ports are free, and waits for it. */
    static DemoProcess start(String name, Duration within) throws IOException {
        DistProcesses dist = DistProcesses.in(name);
        // Another demo or estate on this machine (the other browser test class, DemoIT) may still hold the ports.
        await("the reference estate's ports " + ESTATE_PORTS + " free (another demo or estate holds them)")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ESTATE_PORTS.stream().allMatch(DemoProcess::free));
        Path data = dist.workDir().resolve("data");
        DistProcesses.Started demo = dist.start("demo", "demo", "--no-runs", "--port", "0", "--data-dir", data.toString());
        long deadline = System.nanoTime() + within.toNanos();
        String base = awaitLog(demo, "orchestrator up at (http://127\\.0\\.0\\.1:\\d+)", deadline).group(1);
        awaitLog(demo, "Serving until Ctrl-C\\.", deadline);
        Path file = data.resolve("tokens").resolve("users").resolve("admin.token");
        assertThat(file).as("the admin token file (demo log: %s)", demo.log()).isRegularFile();
        String token = Files.readString(file).strip();
        assertThat(token).as("the admin token in %s", file).isNotEmpty();
        return new DemoProcess(dist, demo, base, token);
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

    @Override
    public void close() throws InterruptedException {
        dist.close();
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
