package io.firedrill.cli;

import io.firedrill.agent.fault.LinkHost;
import io.firedrill.estate.Database;
import io.firedrill.estate.EstateOptions;
import io.firedrill.estate.PortPlan;
import io.firedrill.estate.ReferenceEstate;
import io.firedrill.estate.Topology;
import io.firedrill.model.Estate;
import io.firedrill.model.Region;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "up",
        mixinStandardHelpOptions = true,
        description = {"Start the reference estate, print its endpoints, and serve until Ctrl-C or `firedrill estate "
                + "down` (with --detach it runs in the background and this command returns once it serves).",
            "It writes DIR/estate.yaml, the estate's topology with the ports in use: give it to the orchestrator "
                + "(POST /api/v1/estates) and to agents (--estate). With --links builtin (the default) it also runs "
                + "each region's link proxies on a Toxiproxy-compatible API, as the region's agent would; with "
                + "--links none, start `firedrill agent --estate DIR/estate.yaml` for each region instead."})
final class EstateUpCommand implements Callable<Integer> {
    static final String STATE_FILE = "estate.json";
    static final String TOPOLOGY_FILE = "estate.yaml";
    static final String LOG_FILE = "estate.log";
    private static final int[] DEFAULT_LINK_API_PORTS = {18301, 18302};
    private static final Duration DETACH_TIMEOUT = Duration.ofMinutes(3);

    @Spec
    CommandSpec spec;

    @Option(names = "--db", defaultValue = "h2", paramLabel = "h2|postgres",
            description = "Each region's database. Default: ${DEFAULT-VALUE}.")
    String db;

    @Option(names = "--ports", defaultValue = "default", paramLabel = "default|free",
            description = "default: the ports of the catalog's estate file (router 18080, links 18201-18206, link APIs "
                    + "18301-18302); free: unused ones, written to DIR/estate.yaml. Default: ${DEFAULT-VALUE}.")
    String ports;

    @Option(names = "--dir", defaultValue = "data/estate", paramLabel = "DIR",
            description = "Where the estate keeps its topology, state and databases; `down` removes it. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--links", defaultValue = "builtin", paramLabel = "builtin|none",
            description = "Who serves the link proxies. Default: ${DEFAULT-VALUE}.")
    String links;

    @Option(names = "--policy", defaultValue = "automatic", paramLabel = "automatic|manual",
            description = "Router failover policy: automatic after K failed checks, or manual (POST /failover). "
                    + "Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--fencing", defaultValue = "on", paramLabel = "on|off",
            description = "Epoch fencing of an old primary; off only to demonstrate split brain. Default: ${DEFAULT-VALUE}.")
    String fencing;

    @Option(names = "--health-interval", defaultValue = "500ms",
            description = "How often the router checks each region (N). Default: ${DEFAULT-VALUE}.")
    Duration healthInterval;

    @Option(names = "--failure-threshold", defaultValue = "3",
            description = "Consecutive failed checks before a region is marked down (K). Default: ${DEFAULT-VALUE}.")
    int failureThreshold;

    @Option(names = "--dns-ttl", defaultValue = "0s",
            description = "How long a client keeps the region the router gave it. Default: ${DEFAULT-VALUE}.")
    Duration dnsTtl;

    @Option(names = "--detach", description = "Run in the background; return once the estate serves.")
    boolean detach;

    @Override
    public Integer call() throws Exception {
        EstateOptions options = options();
        refuseIfRunning();
        if (detach) {
            return EstateProcesses.detach(spec, dir, DETACH_TIMEOUT);
        }
        return serve(options);
    }

    private EstateOptions options() {
        Database database;
        try {
            database = Database.parse(db);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--db: '" + db + "' is not one of h2, postgres");
        }
        PortPlan plan = switch (ports) {
            case "default" -> PortPlan.DEFAULT;
            case "free" -> PortPlan.free();
            default -> throw new ParameterException(spec.commandLine(), "--ports: '" + ports
                    + "' is not one of default, free");
        };
        if (!links.equals("builtin") && !links.equals("none")) {
            throw new ParameterException(spec.commandLine(), "--links: '" + links + "' is not one of builtin, none");
        }
        if (!policy.equals("automatic") && !policy.equals("manual")) {
            throw new ParameterException(spec.commandLine(), "--policy: '" + policy
                    + "' is not one of automatic, manual");
        }
        if (!fencing.equals("on") && !fencing.equals("off")) {
            throw new ParameterException(spec.commandLine(), "--fencing: '" + fencing + "' is not one of on, off");
        }
        try {
            return EstateOptions.defaults(database).withPorts(plan).withDataDir(dir.resolve("data"))
                    .withHealth(healthInterval, failureThreshold).withManualFailover(policy.equals("manual"))
                    .withFencing(fencing.equals("on")).withDnsTtl(dnsTtl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void refuseIfRunning() {
        EstateProcesses.running(dir).ifPresent(pid -> {
            throw new CliFailure("an estate is already running from " + dir + " (pid " + pid
                    + "); stop it with: firedrill estate down --dir " + dir, null);
        });
    }

    private int serve(EstateOptions options) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(out);
        Files.createDirectories(dir);
        Path topology = dir.resolve(TOPOLOGY_FILE);
        Files.writeString(topology, Topology.yaml(options.database(), options.ports()));
        Estate estate = Topology.estate(options.database(), options.ports());
        Vertx vertx = Vertx.vertx();
        List<LinkHost> hosts = new ArrayList<>();
        ReferenceEstate running = null;
        try {
            Map<String, String> linkApis = new LinkedHashMap<>();
            if (links.equals("builtin")) {
                int i = 0;
                for (Region region : estate.regions()) {
                    int apiPort = ports.equals("free") ? 0 : DEFAULT_LINK_API_PORTS[i++];
                    LinkHost host;
                    try {
                        host = LinkHost.start(vertx, "127.0.0.1", apiPort, estate.links().stream()
                                .filter(l -> l.agent().equals(region.agent())).toList()).await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot serve the links of " + region.name()
                                + " (Toxiproxy API on port " + apiPort + "): " + e.getMessage(), e);
                    }
                    hosts.add(host);
                    linkApis.put(region.name(), host.apiUrl());
                    progress.step(region.name() + " links served (" + host.links().size() + "), Toxiproxy API "
                            + host.apiUrl());
                }
            }
            progress.step("starting the " + options.database().wire() + " estate in " + dir.resolve("data"));
            running = ReferenceEstate.start(vertx, options);
            writeState(running, topology, linkApis);
            print(out, running, topology, linkApis);
        } catch (IllegalStateException e) {
            stop(running, hosts, vertx);
            throw new CliFailure(e.getMessage(), e);
        } catch (Exception | Error e) {
            stop(running, hosts, vertx);
            throw e;
        }
        ReferenceEstate estateToStop = running;
        Shutdown.await(() -> stop(estateToStop, hosts, vertx));
        return 0;
    }

    private void writeState(ReferenceEstate running, Path topology, Map<String, String> linkApis) throws IOException {
        JsonObject state = new JsonObject()
                .put("pid", ProcessHandle.current().pid())
                .put("startedAt", Instant.now().toString())
                .put("db", running.options().database().wire())
                .put("frontDoor", running.frontDoor().toString())
                .put("estateFile", topology.toAbsolutePath().toString())
                .put("dataDir", running.dataDir().toAbsolutePath().toString())
                .put("linkApis", new JsonObject(new LinkedHashMap<>(linkApis)))
                .put("endpoints", new JsonObject(new LinkedHashMap<>(running.endpoints())));
        Path file = dir.resolve(STATE_FILE);
        Path partial = dir.resolve(STATE_FILE + ".tmp");
        Files.writeString(partial, state.encodePrettily());
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void print(PrintWriter out, ReferenceEstate running, Path topology, Map<String, String> linkApis) {
        out.printf("%nReference estate (%s) is up. Topology: %s%n%n", running.options().database().wire(), topology);
        running.endpoints().forEach((name, address) -> out.printf("  %-38s %s%n", name, address));
        linkApis.forEach((region, api) -> out.printf("  %-38s %s%n", "Toxiproxy API, " + region + " links", api));
        URIs.printExamples(out, running.frontDoor().toString());
        out.flush();
    }

    private static void stop(ReferenceEstate running, List<LinkHost> hosts, Vertx vertx) {
        if (running != null) {
            running.close();
        }
        for (LinkHost host : hosts) {
            try {
                host.stop().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("firedrill: link proxies did not stop cleanly: " + e);
            }
        }
        try {
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("firedrill: " + e);
        }
    }

    /** The curl lines printed under the endpoints. */
    static final class URIs {
        private URIs() {}

        static void printExamples(PrintWriter out, String frontDoor) {
            out.printf("%nTry:%n  curl -X PUT --data 'first order' %s/records/order-1%n", frontDoor);
            out.printf("  curl %s/records/order-1%n", frontDoor);
            out.printf("  curl %s/router/status%n", frontDoor);
            out.printf("  curl %s/router/events%n", frontDoor);
            out.printf("  curl -X POST %s/failover        # and later: curl -X POST %s/failback%n", frontDoor, frontDoor);
        }
    }
}
