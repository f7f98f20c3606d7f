package io.firedrill.cli;

import io.firedrill.agent.proxy.ProxyVertx;
import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.agent.fault.FaultSettings;
import io.firedrill.build.BuildInfo;
import io.firedrill.estate.Database;
import io.firedrill.estate.EstateOptions;
import io.firedrill.estate.ReferenceEstate;
import io.firedrill.model.Estate;
import io.firedrill.model.Region;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Start an orchestrator on H2, an agent per region of the reference estate, and the estate itself",
            "(router, two regional apps, their databases) with its links served by the agents.",
            "The catalog experiments are stored and every agent's clock offset is measured; then it",
            "keeps serving the web UI and the API until Ctrl-C (or exits, with --no-serve)."},
        footer = {"", "Examples:",
            "  firedrill demo",
            "  firedrill demo --port 9090 --data-dir /tmp/firedrill-demo",
            "  firedrill demo --db postgres      (the estate on PostgreSQL 15 streaming replication)",
            "  firedrill demo --no-serve        (exit once every agent is online)"})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", defaultValue = "data/demo", description = "Where the demo keeps its database and tokens. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--db", defaultValue = "h2", paramLabel = "h2|postgres",
            description = "The estate's databases: H2, or PostgreSQL 15 (server binaries needed). Default: ${DEFAULT-VALUE}.")
    String db;

    @Option(names = "--no-runs", description = "Start everything but run no experiment.")
    boolean noRuns;

    @Option(names = "--no-serve", description = "Exit after the agents are online instead of serving until Ctrl-C.")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(spec.commandLine().getOut());
        Database database;
        try {
            database = Database.parse(db);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--db: '" + db + "' is not one of h2, postgres");
        }
        Estate estate = DemoSetup.referenceEstate(database);
        List<String> regions = estate.regions().stream().map(Region::name).toList();
        progress.step("starting the orchestrator on H2 in " + dataDir);
        OrchestratorServer server = OrchestratorServer.start(
                ServerConfig.defaults(dataDir).withPort(port).withEnrollRegions(regions));
        Vertx agentsVertx = ProxyVertx.create();
        Vertx estateVertx = Vertx.vertx();
        List<Agent> agents = new ArrayList<>();
        ReferenceEstate[] running = new ReferenceEstate[1];
        AutoCloseable stopEstate = () -> {
            if (running[0] != null) {
                running[0].close();
            }
            estateVertx.close().await(10, TimeUnit.SECONDS);
        };
        boolean serving = false;
        try {
            progress.step("orchestrator up at " + server.baseUrl() + " in " + server.startupTime().toMillis() + " ms");
            int stored = DemoSetup.storeCatalog(server.database().experiments());
            progress.step("catalog: " + stored + " experiment(s) stored, " + DemoSetup.catalogSize() + " in the catalog");
            for (String region : regions) {
                AgentConfig config = AgentConfig.of(region, URI.create("ws://127.0.0.1:" + server.port()),
                        AgentConfig.readToken(server.tokenFile(region)), BuildInfo.version());
                String agentName = estate.region(region).map(Region::agent).orElse(region);
                FaultSettings faults = FaultSettings.defaults(dataDir.resolve("agent-" + region)).withLinks(
                        estate.links().stream().filter(l -> l.agent().equals(agentName)).toList());
                Agent agent = new Agent(agentsVertx, config, Clock.systemUTC(), new SecureRandom(), Optional.of(faults));
                agent.start().await(30, TimeUnit.SECONDS);
                agents.add(agent);
            }
            DemoSetup.awaitOnline(server, regions, Duration.ofSeconds(30), progress);
            progress.step("starting the reference estate on " + database.wire() + " behind the agents' links");
            try {
                running[0] = ReferenceEstate.start(estateVertx, EstateOptions.defaults(database)
                        .withDataDir(dataDir.resolve("estate-" + database.wire())));
            } catch (RuntimeException e) {
                throw new CliFailure("the reference estate did not start: " + e.getMessage(), e);
            }
            progress.step("estate up: front door " + running[0].frontDoor() + ", router failover after "
                    + EstateOptions.DEFAULT_FAILURE_THRESHOLD + " failed checks " + EstateOptions.DEFAULT_HEALTH_INTERVAL
                    .toMillis() + " ms apart");
            DemoSetup.printAgents(spec.commandLine().getOut(), server);
            List<DemoRuns.Outcome> outcomes = List.of();
            if (!noRuns) {
                progress.step("game day: " + DemoSetup.catalogSize() + " catalog experiments, one after the other");
                outcomes = new DemoRuns(server, running[0].frontDoor(), progress).runAll(DemoRuns.experiments(database));
                DemoRuns.printTable(spec.commandLine().getOut(), outcomes);
            }
            String front = running[0].frontDoor().toString();
            String estateName = database.catalogFile().replace(".yaml", "");
            java.nio.file.Path tokenFile = server.adminTokenFile();
            spec.commandLine().getOut().printf("%nUI:     %s/   (log in with the admin token in %s)%n"
                    + "API:    curl -H \"Authorization: Bearer $(cat %s)\" %s/api/v1/agents%n",
                    server.baseUrl(), tokenFile, tokenFile, server.baseUrl());
            spec.commandLine().getOut().printf("Estate: curl -X PUT --data 'first order' %s/records/order-1; "
                    + "curl %s/router/status%n", front, front);
            spec.commandLine().getOut().printf("Fault:  curl -X POST -H \"Authorization: Bearer $(cat %s)\" "
                    + "-H 'Content-Type: application/yaml' --data-binary "
                    + "$'estate: %s\\nfault: region-blackout\\ntarget: {region: eu-west}\\n"
                    + "duration: 30s' %s/api/v1/faults   (then: curl %s/router/events)%n", tokenFile, estateName,
                    server.baseUrl(), front);
            spec.commandLine().getOut().flush();
            if (noServe) {
                return noRuns || DemoRuns.allCompleted(outcomes) ? 0 : 1;
            }
            spec.commandLine().getOut().println("Serving until Ctrl-C.");
            spec.commandLine().getOut().flush();
            serving = true;
            Shutdown.await(stopEstate, () -> DemoSetup.stop(agents, agentsVertx), server);
            return 0;
        } finally {
            if (!serving) {
                stopEstate.close();
                DemoSetup.stop(agents, agentsVertx);
                server.close();
            }
        }
    }
}
