package io.firedrill.cli.bench;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.agent.fault.FaultSettings;
import io.firedrill.build.BuildInfo;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "faults",
        mixinStandardHelpOptions = true,
        description = {"Benchmark the fault path: how long from an orchestrator API call to the toxic being in "
                + "effect on the agent.",
            "Starts an orchestrator (H2 in a temporary directory) and an agent with its built-in proxy in this "
                + "process, then times POST /api/v1/faults (a latency toxic on one link; the call answers once "
                + "the agent reports the toxic in place) and DELETE, cycle after cycle. The baseline is the same "
                + "toxic added straight through the agent's Toxiproxy API. Target: apply p99 <= 20 ms.",
            "Exit status: 0 target met, 1 missed, 2 setup failed."},
        footer = {"", "Examples:",
            "  firedrill bench faults",
            "  firedrill bench faults --cycles 50"})
final class FaultBenchCommand implements Callable<Integer> {
    private static final long TARGET_P99_MICROS = 20_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    @Spec
    CommandSpec spec;

    @Option(names = "--cycles", defaultValue = "1000",
            description = "Apply/revert cycles timed. Default: ${DEFAULT-VALUE}.")
    int cycles;

    @Option(names = "--warmup", defaultValue = "300",
            description = "Untimed cycles first, so the figures are those of compiled code. Default: ${DEFAULT-VALUE}.")
    int warmup;

    private final HttpClient http = HttpClient.newHttpClient();
    private String bearer;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("firedrill-bench-faults");
        err.println("starting an orchestrator and an agent ...");
        err.flush();
        try (OrchestratorServer server = OrchestratorServer.start(ServerConfig.defaults(dir.resolve("data"))
                .withPort(0).withEnrollRegions(List.of("bench")))) {
            try (LoopbackServer echo = LoopbackServer.start("echo", LoopbackServer.echo())) {
                return measure(server, echo.address().getPort(), dir, out, err);
            }
        } catch (BenchSetupException e) {
            err.println("firedrill bench faults: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private int measure(OrchestratorServer server, int echoPort, Path dir, PrintWriter out, PrintWriter err)
            throws Exception {
        String base = server.baseUrl();
        bearer = "Bearer " + Files.readString(server.adminTokenFile()).strip();
        int linkPort = freePort();
        post(base + "/api/v1/estates", estate(linkPort, echoPort), 201);
        AgentConfig config = AgentConfig.of("bench", URI.create("ws://127.0.0.1:" + server.port()),
                AgentConfig.readToken(server.tokenFile("bench")), BuildInfo.version());
        Agent agent = new Agent(server.vertx(), config, Clock.systemUTC(), new SecureRandom(),
                Optional.of(FaultSettings.defaults(dir.resolve("agent"))));
        agent.start().await(30, TimeUnit.SECONDS);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!server.agents().isOnline("bench")) {
                if (System.nanoTime() > deadline) {
                    throw new BenchSetupException("the agent did not come online within 30 s");
                }
                Thread.sleep(20);
            }
            URI api = agent.faults().orElseThrow().api().orElseThrow();
            Histogram direct = baseline(new ToxiproxyClient(api.getHost(), api.getPort()), echoPort);
            Histogram apply = new Histogram(3);
            Histogram revert = new Histogram(3);
            String body = "estate: bench\nfault: latency\ntarget: {link: users->bench, latency: 5ms}\n";
            for (int i = 0; i < warmup + cycles; i++) {
                long t0 = System.nanoTime();
                String created = post(base + "/api/v1/faults", body, 201);
                long t1 = System.nanoTime();
                delete(base + "/api/v1/faults/" + id(created));
                long t2 = System.nanoTime();
                if (i >= warmup) {
                    apply.recordValue((t1 - t0) / 1_000);
                    revert.recordValue((t2 - t1) / 1_000);
                }
                if ((i + 1) % 250 == 0) {
                    err.printf("  %d/%d cycles%n", i + 1, warmup + cycles);
                    err.flush();
                }
            }
            return report(out, direct, apply, revert);
        } finally {
            agent.stop().await(10, TimeUnit.SECONDS);
        }
    }

    /** The agent's own step alone: one toxic added and removed through its Toxiproxy API. */
    private Histogram baseline(ToxiproxyClient client, int echoPort) throws Exception {
        var proxy = client.createProxy("baseline", "127.0.0.1:" + freePort(), "127.0.0.1:" + echoPort);
        Histogram h = new Histogram(3);
        for (int i = 0; i < warmup + cycles; i++) {
            long t0 = System.nanoTime();
            var toxic = proxy.toxics().latency("bench", ToxicDirection.DOWNSTREAM, 5);
            long t1 = System.nanoTime();
            toxic.remove();
            if (i >= warmup) {
                h.recordValue((t1 - t0) / 1_000);
            }
        }
        proxy.delete();
        return h;
    }

    private int report(PrintWriter out, Histogram direct, Histogram apply, Histogram revert) {
        out.printf("%-44s %8s %8s %8s %8s%n", "fault path (" + cycles + " cycles)", "p50 ms", "p90 ms", "p99 ms",
                "max ms");
        row(out, "baseline: toxic added via the agent's API", direct);
        row(out, "apply: POST /api/v1/faults -> in effect", apply);
        row(out, "revert: DELETE /api/v1/faults/{id}", revert);
        double ratio = (double) apply.getValueAtPercentile(99) / Math.max(1, direct.getValueAtPercentile(99));
        boolean pass = apply.getValueAtPercentile(99) <= TARGET_P99_MICROS;
        out.printf("apply p99 is %.1fx the baseline p99 (the whole path against the agent's own step)%n", ratio);
        out.printf("%s  apply p99 <= 20 ms (measured %.2f ms)%n", pass ? "PASS" : "FAIL",
                apply.getValueAtPercentile(99) / 1000.0);
        out.flush();
        return pass ? 0 : 1;
    }

    private static void row(PrintWriter out, String label, Histogram h) {
        out.printf("%-44s %8.2f %8.2f %8.2f %8.2f%n", label, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private String post(String url, String yaml, int expected) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new BenchSetupException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void delete(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer)
                .DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"state\":\"reverted\"")) {
            throw new BenchSetupException("DELETE " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String id(String body) throws BenchSetupException {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new BenchSetupException("no fault id in " + body);
        }
        return m.group(1);
    }

    private static String estate(int linkPort, int echoPort) {
        return """
                apiVersion: firedrill/v1
                kind: Estate
                name: bench
                description: One region, one link in front of an echo server.
                regions:
                  - {name: bench, role: primary}
                  - {name: other, role: secondary}
                links:
                  - {name: users->bench, from: users, to: bench, listen: "127.0.0.1:%d", upstream: "127.0.0.1:%d"}
                """.formatted(linkPort, echoPort);
    }
}
