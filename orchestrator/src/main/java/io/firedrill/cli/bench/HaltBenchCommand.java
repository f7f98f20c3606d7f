package io.firedrill.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.agent.fault.FaultSettings;
import io.firedrill.build.BuildInfo;
import io.firedrill.model.Estate;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import io.vertx.core.Future;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "halt",
        mixinStandardHelpOptions = true,
        description = {"Benchmark HALT: with N agents each holding a fault, how long from POST /api/v1/halt to the "
                + "last agent's confirmation that it reverted everything.",
            "Starts an orchestrator (H2 in a temporary directory) and N agents with their built-in proxies in this "
                + "process, one link each in front of an echo server. Each round applies one latency fault per agent "
                + "through the API, halts, checks every link is clean, and resumes. The baseline, measured in the "
                + "same run, is reverting one fault on one agent (DELETE /api/v1/faults/{id}). Target: the slowest "
                + "round's last confirmation <= 1 s.",
            "Exit status: 0 target met, 1 missed, 2 setup failed."},
        footer = {"", "Examples:", "  firedrill bench halt", "  firedrill bench halt --agents 100 --rounds 10"})
final class HaltBenchCommand implements Callable<Integer> {
    private static final long TARGET_MILLIS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--agents", defaultValue = "50", description = "Agents, each holding a fault. Default: ${DEFAULT-VALUE}.")
    int agents;

    @Option(names = "--rounds", defaultValue = "5", description = "Halts timed. Default: ${DEFAULT-VALUE}.")
    int rounds;

    private final HttpClient http = HttpClient.newHttpClient();
    private String bearer;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("firedrill-bench-halt");
        List<String> regions = IntStream.range(0, agents).mapToObj(i -> String.format("r%03d", i)).toList();
        err.printf("starting an orchestrator and %d agents ...%n", agents);
        err.flush();
        try (OrchestratorServer server = OrchestratorServer.start(ServerConfig.defaults(dir.resolve("data"))
                .withPort(0).withEnrollRegions(regions));
                LoopbackServer echo = LoopbackServer.start("echo", LoopbackServer.echo())) {
            bearer = "Bearer " + Files.readString(server.adminTokenFile()).strip();
            String yaml = estate(regions, echo.address().getPort());
            post(server.baseUrl() + "/api/v1/estates", "application/yaml", yaml, 201);
            Estate estate = new ModelLoader().loadEstate(Source.text("halt-bench.yaml", yaml)).value()
                    .orElseThrow(() -> new BenchSetupException("the bench's own estate does not load"));
            List<Agent> started = startAgents(server, estate, regions, dir);
            try {
                awaitOnline(server, regions);
                return measure(server.baseUrl(), regions, out, err);
            } finally {
                Future.join(started.stream().map(a -> a.stop()).toList()).await(30, TimeUnit.SECONDS);
            }
        } catch (BenchSetupException e) {
            err.println("firedrill bench halt: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private int measure(String base, List<String> regions, PrintWriter out, PrintWriter err) throws Exception {
        long[] lastAck = new long[rounds];
        long[] callMillis = new long[rounds];
        long[] single = new long[rounds];
        for (int round = -1; round < rounds; round++) { // round -1 warms up, untimed
            List<String> ids = new ArrayList<>();
            for (String region : regions) {
                ids.add(post(base + "/api/v1/faults", "application/yaml", latency(region), 201).path("id").asText());
            }
            long t0 = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(base + "/api/v1/faults/" + ids.get(0))).DELETE(), 200);
            long revertNanos = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            JsonNode halted = post(base + "/api/v1/halt?reason=bench", "application/json", "", 200);
            long haltNanos = System.nanoTime() - t1;
            if (!halted.path("unanswered").isEmpty() || halted.path("agents").size() != regions.size()) {
                throw new BenchSetupException("not every agent confirmed the halt: " + halted);
            }
            int reverted = halted.path("agents").findValues("reverted").stream().mapToInt(JsonNode::asInt).sum();
            if (reverted != regions.size() - 1) {
                throw new BenchSetupException("the agents reverted " + reverted + " faults, expected " + (regions.size() - 1));
            }
            post(base + "/api/v1/halt/resume", "application/json", "", 200);
            if (round >= 0) {
                lastAck[round] = halted.path("lastAckMillis").asLong();
                callMillis[round] = haltNanos / 1_000_000;
                single[round] = revertNanos / 1_000;
                err.printf("  round %d/%d: last confirmation after %d ms%n", round + 1, rounds, lastAck[round]);
                err.flush();
            }
        }
        return report(out, lastAck, callMillis, single);
    }

    private int report(PrintWriter out, long[] lastAck, long[] callMillis, long[] singleMicros) {
        long[] sortedAck = sorted(lastAck);
        long[] sortedSingle = sorted(singleMicros);
        double baselineMillis = sortedSingle[sortedSingle.length / 2] / 1000.0;
        long median = sortedAck[sortedAck.length / 2];
        long worst = sortedAck[sortedAck.length - 1];
        out.printf("HALT with %d agents each holding a fault (%d rounds)%n", agents, rounds);
        out.printf("%-56s %10s %10s%n", "", "median", "slowest");
        out.printf("%-56s %7.2f ms %7.2f ms%n", "baseline: one fault reverted on one agent (DELETE)", baselineMillis,
                sortedSingle[sortedSingle.length - 1] / 1000.0);
        out.printf("%-56s %7d ms %7d ms%n", "HALT: call to the last agent's confirmation", median, worst);
        long[] sortedCall = sorted(callMillis);
        out.printf("%-56s %7d ms %7d ms%n", "HALT: the API call, as the caller waits", sortedCall[sortedCall.length / 2],
                sortedCall[sortedCall.length - 1]);
        out.printf("HALT of %d agents takes %.1fx one revert on one agent (median against median)%n", agents,
                median / Math.max(0.001, baselineMillis));
        boolean pass = worst <= TARGET_MILLIS;
        out.printf("%s  HALT to the last confirmation <= %d ms (slowest round %d ms)%n", pass ? "PASS" : "FAIL",
                TARGET_MILLIS, worst);
        out.flush();
        return pass ? 0 : 1;
    }

    private List<Agent> startAgents(OrchestratorServer server, Estate estate, List<String> regions, Path dir)
            throws Exception {
        List<Agent> started = new ArrayList<>();
        for (String region : regions) {
            AgentConfig config = AgentConfig.of(region, URI.create("ws://127.0.0.1:" + server.port()),
                    AgentConfig.readToken(server.tokenFile(region)), BuildInfo.version());
            FaultSettings faults = FaultSettings.defaults(dir.resolve("agent-" + region)).withLinks(
                    estate.links().stream().filter(l -> l.agent().equals(region)).toList());
            Agent agent = new Agent(server.vertx(), config, Clock.systemUTC(), new SecureRandom(), Optional.of(faults));
            agent.start().await(30, TimeUnit.SECONDS);
            started.add(agent);
        }
        return started;
    }

    private static void awaitOnline(OrchestratorServer server, List<String> regions) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!regions.stream().allMatch(r -> server.agents().isOnline(r))) {
            if (System.nanoTime() > deadline) {
                throw new BenchSetupException("not every agent came online within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private JsonNode post(String url, String type, String body, int expected) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)), expected);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.header("Authorization", bearer).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new BenchSetupException(r.request().method() + " " + r.request().uri() + " answered "
                    + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static String latency(String region) {
        return "estate: halt-bench\nfault: latency\ntarget: {link: users->" + region + ", latency: 5ms}\n";
    }

    /** One region per agent, each carrying one link in front of the echo server; the first region is primary. */
    private static String estate(List<String> regions, int echoPort) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: firedrill/v1
                kind: Estate
                name: halt-bench
                description: Many regions, one link each, for timing HALT.
                regions:
                """);
        for (int i = 0; i < regions.size(); i++) {
            yaml.append("  - {name: ").append(regions.get(i)).append(", role: ")
                    .append(i == 0 ? "primary" : "secondary").append("}\n");
        }
        yaml.append("links:\n");
        for (String region : regions) {
            yaml.append("  - {name: users->").append(region).append(", from: users, to: ").append(region)
                    .append(", listen: \"127.0.0.1:").append(freePort()).append("\", upstream: \"127.0.0.1:")
                    .append(echoPort).append("\"}\n");
        }
        return yaml.toString();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
