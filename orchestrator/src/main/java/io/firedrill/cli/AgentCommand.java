package io.firedrill.cli;

import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.build.BuildInfo;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
            "When the orchestrator is unreachable or refuses the token, the agent keeps retrying with exponential "
                + "backoff (250 ms doubling up to 15 s, jittered); when a connected orchestrator goes silent for "
                + "longer than --silence-limit (frozen, or a half-open connection), it drops the connection and "
                + "reconnects the same way. Stop it with Ctrl-C or SIGTERM."},
        footer = {"", "Examples:",
            "  firedrill agent --region eu-west --token-file data/tokens/eu-west.token",
            "  firedrill agent --region us-east \\",
            "      --orchestrator ws://orchestrator.internal:8080 \\",
            "      --token-file /run/secrets/us-east.token \\",
            "      --heartbeat 500ms --silence-limit 30s --name us-east-1a"})
final class AgentCommand implements Callable<Integer> {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

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

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig config = config();
        Vertx vertx = Vertx.vertx();
        Agent agent = new Agent(vertx, config, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        agent.onWelcome(welcome -> {
            out.printf("agent %s connected to %s (agent id %s)%n", region, orchestrator, config.agentId());
            out.flush();
        });
        agent.start();
        // Disconnect cleanly so the orchestrator records an orderly stop, not a lost connection.
        Shutdown.await(
                () -> agent.stop().await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                () -> vertx.close().await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        return 0;
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
