package io.firedrill.cli;

import io.firedrill.agent.proxy.ProxyVertx;
import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.agent.fault.FaultSettings;
import io.firedrill.agent.fault.HostTargets;
import io.firedrill.build.BuildInfo;
import io.firedrill.model.Estate;
import io.firedrill.model.Link;
import io.firedrill.model.Region;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.server.ListenException;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
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

@Command(name = "agent",
        mixinStandardHelpOptions = true,
        description = {"Run a region's agent: it dials out to the orchestrator over a WebSocket, authenticates with the "
                + "region's token, heartbeats, and answers clock-sync requests.",
            "It carries out the faults the orchestrator sends on its region's links, through its built-in "
                + "Toxiproxy-compatible proxy (or --toxiproxy), each under a lease: when renewals stop, it reverts "
                + "the fault itself. It also reverts everything it holds when it stops, and what a crashed run "
                + "left behind when it starts.",
            "When the orchestrator is unreachable or refuses the token, the agent keeps retrying with exponential "
                + "backoff (250 ms doubling up to 15 s, jittered); when a connected orchestrator goes silent for "
                + "longer than --silence-limit (frozen, or a half-open connection), it drops the connection and "
                + "reconnects the same way. Stop it with Ctrl-C or SIGTERM."},
        footer = {"", "Examples:",
            "  firedrill agent --region eu-west --token-file data/tokens/eu-west.token",
            "  firedrill agent --region us-east \\",
            "      --orchestrator ws://orchestrator.internal:8080 \\",
            "      --token-file /run/secrets/us-east.token \\",
            "      --heartbeat 500ms --silence-limit 30s --name us-east-1a",
            "  firedrill agent --region eu-west --estate reference-estate.yaml \\",
            "      --process app=pidfile:/run/app.pid \\",
            "      --command drain=/opt/drain.sh,/opt/undrain.sh",
            "  firedrill agent --region eu-west --toxiproxy http://127.0.0.1:8474"})
final class AgentCommand implements Callable<Integer> {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--region", required = true, description = "The region this agent serves, e.g. eu-west.")
    String region;

    @Option(names = "--orchestrator", defaultValue = "ws://127.0.0.1:8080",
            description = "The orchestrator's base URI (ws:// or wss://). Default: ${DEFAULT-VALUE}.")
    URI orchestrator;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the region's token, as written by 'firedrill server --enroll'. "
                    + "Default: data/tokens/<region>.token.")
    Path tokenFile;

    @Option(names = "--heartbeat", defaultValue = "1s", converter = DurationConverter.class,
            description = "Heartbeat interval; the agent counts as offline after three missed. Default: ${DEFAULT-VALUE}.")
    Duration heartbeat;

    @Option(names = "--silence-limit", defaultValue = "20s", converter = DurationConverter.class,
            description = "Reconnect when nothing has come from the orchestrator for this long; keep it well above "
                    + "the orchestrator's time-sync interval (5s by default; the agent warns when it is not above "
                    + "twice that). Default: ${DEFAULT-VALUE}.")
    Duration silenceLimit;

    @Option(names = "--name", description = "A human-readable name shown in the agents API (optional).")
    String name;

    @Option(names = "--estate", paramLabel = "FILE|NAME",
            description = "The estate whose links this agent carries (those of its region): their proxies are "
                    + "created at start so traffic flows before any fault. A file, or a catalog estate such as "
                    + "reference-estate.yaml. Without it, a link's proxy is created by the first fault on it.")
    String estate;

    @Option(names = "--toxiproxy", paramLabel = "URL",
            description = "Drive an external Toxiproxy server (http://host:8474) instead of the built-in proxy.")
    URI toxiproxy;

    @Option(names = "--proxy-api", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:0",
            description = "Where the built-in proxy's Toxiproxy API listens; port 0 picks a free one and prints "
                    + "it. Default: ${DEFAULT-VALUE}.")
    String proxyApi;

    @Option(names = "--process", paramLabel = "NAME=pidfile:PATH|NAME=match:REGEX",
            description = "A process that process-kill faults may signal, by pid file or by a regular expression "
                    + "over command lines. Repeatable; nothing else can be signalled.")
    List<String> processes = new ArrayList<>();

    @Option(names = "--command", paramLabel = "NAME=APPLY[,REVERT]",
            description = "An executable that command faults may run, with the one that undoes it (run when the "
                    + "fault is reverted). Repeatable; nothing else can be run.")
    List<String> commands = new ArrayList<>();

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the agent journals the faults it holds, to revert them after a crash. "
                    + "Default: data/agent-<region>.")
    Path stateDir;

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig config = config();
        FaultSettings faults = faultSettings();
        Vertx vertx = ProxyVertx.create();
        Agent agent = new Agent(vertx, config, Clock.systemUTC(), new SecureRandom(), Optional.of(faults));
        PrintWriter out = spec.commandLine().getOut();
        agent.onWelcome(welcome -> {
            out.printf("agent %s connected to %s (agent id %s)%n", region, orchestrator, config.agentId());
            out.flush();
        });
        try {
            agent.start().await(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            vertx.close();
            String why = ListenException.of(faults.proxyApi().host(), faults.proxyApi().port(), e)
                    .map(l -> "its proxy API " + l.getMessage() + "; choose another --proxy-api")
                    .orElse(e.getMessage());
            throw new CliFailure("agent " + region + " cannot start: " + why, e);
        }
        agent.faults().flatMap(f -> f.api()).ifPresent(api -> {
            out.printf("agent %s drives its links through the Toxiproxy API at %s%n", region, api);
            out.flush();
        });
        // Disconnect cleanly so the orchestrator records an orderly stop, not a lost connection.
        Shutdown.await(
                () -> agent.stop().await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                () -> vertx.close().await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        return 0;
    }

    private FaultSettings faultSettings() {
        try {
            FaultSettings.ProxyApi api = FaultSettings.ProxyApi.parse(proxyApi);
            HostTargets targets = HostTargets.parse(processes, commands);
            Path dir = stateDir != null ? stateDir : Path.of("data", "agent-" + region);
            return new FaultSettings(Optional.ofNullable(toxiproxy), api, targets, dir, estateLinks());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The links of {@code --estate} whose proxy this region's agent runs. */
    private List<Link> estateLinks() {
        if (estate == null) {
            return List.of();
        }
        Loaded<Estate> loaded;
        try {
            Path file = Path.of(estate);
            Optional<Source> source = Files.exists(file) ? Optional.of(Source.file(file)) : Catalog.estate(estate);
            if (source.isEmpty()) {
                throw new IllegalArgumentException("--estate '" + estate + "' is neither a file nor a catalog estate "
                        + "(e.g. reference-estate.yaml)");
            }
            loaded = new ModelLoader().loadEstate(source.get());
        } catch (IOException e) {
            throw new IllegalArgumentException("--estate '" + estate + "' cannot be read: " + e.getMessage());
        }
        Estate model = loaded.value().orElseThrow(() -> new IllegalArgumentException("--estate '" + estate
                + "' is not valid: " + loaded.problems().get(0).format()));
        String agentName = model.region(region).map(Region::agent).orElse(region);
        return model.links().stream().filter(l -> l.agent().equals(agentName)).toList();
    }

    /** Options turned into a validated config; a bad value is a usage error that names it. */
    private AgentConfig config() {
        Path file = tokenFile != null ? tokenFile : Path.of("data", "tokens", region + ".token");
        try {
            return new AgentConfig(region, orchestrator, AgentConfig.readToken(file), heartbeat,
                    AgentConfig.DEFAULT_RECONNECT_MIN, AgentConfig.DEFAULT_RECONNECT_MAX, silenceLimit, null, name,
                    BuildInfo.version(), null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
