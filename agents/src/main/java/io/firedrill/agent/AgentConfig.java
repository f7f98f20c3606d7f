package io.firedrill.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Everything an agent needs to know at start-up; validated here so that a bad value fails before any
 * connection is tried.
 *
 * @param region            the region this agent serves ({@code [a-z0-9][a-z0-9-]*}, at most 63 characters)
 * @param orchestrator      base URI of the orchestrator, {@code ws://host:port} or {@code wss://...}
 * @param token             the region's enrollment token (secret: never logged, not in {@link #toString()})
 * @param heartbeatInterval how often to send a heartbeat
 * @param reconnectMin      first reconnect delay; doubles per failed attempt
 * @param reconnectMax      cap of the reconnect delay
 * @param orchestratorSilenceLimit while connected, hearing no frame from the orchestrator for longer than this
 *                          drops the connection and reconnects (a frozen or half-open peer); keep it well above
 *                          the orchestrator's time-sync interval, which is how often it speaks unprompted
 * @param agentId           this process's id, a random UUID unless given
 * @param name              an optional human-readable name, or null
 * @param version           the agent's software version
 * @param capabilities      what it can do, announced in its hello; null means {@link #BUILT_IN_CAPABILITIES}
 */
public record AgentConfig(
        String region,
        URI orchestrator,
        String token,
        Duration heartbeatInterval,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration orchestratorSilenceLimit,
        String agentId,
        String name,
        String version,
        List<String> capabilities) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(250);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(15);
    /** Four of the orchestrator's default 5 s time-sync intervals. */
    public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(20);
    /**
     * What this build of the agent does, announced in its hello so the orchestrator only sends what it
     * understands: the control-channel features today; fault and probe kinds join as they are built.
     */
    public static final List<String> BUILT_IN_CAPABILITIES = List.of("heartbeat/v1", "time-sync/v1");
    public static final URI DEFAULT_ORCHESTRATOR = URI.create("ws://127.0.0.1:8080");
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public AgentConfig {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region '" + region
                    + "' is not valid: expected lower-case letters, digits and '-', starting with a letter or digit, "
                    + "at most 63 characters (e.g. eu-west)");
        }
        checkOrchestrator(orchestrator);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token is empty");
        }
        checkPositive(heartbeatInterval, "heartbeat interval");
        checkPositive(reconnectMin, "minimum reconnect delay");
        checkPositive(reconnectMax, "maximum reconnect delay");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("maximum reconnect delay " + reconnectMax
                    + " is shorter than the minimum " + reconnectMin);
        }
        checkPositive(orchestratorSilenceLimit, "orchestrator silence limit");
        agentId = agentId == null ? UUID.randomUUID().toString() : agentId;
        version = version == null ? "unknown" : version;
        capabilities = capabilities == null ? BUILT_IN_CAPABILITIES : List.copyOf(capabilities);
    }

    /**
     * The defaults: heartbeat every second, reconnect after 250 ms doubling up to 15 s, reconnect after 20 s
     * without a frame from the orchestrator, a fresh agent id.
     */
    public static AgentConfig of(String region, URI orchestrator, String token, String version) {
        return new AgentConfig(region, orchestrator, token, DEFAULT_HEARTBEAT, DEFAULT_RECONNECT_MIN,
                DEFAULT_RECONNECT_MAX, DEFAULT_SILENCE_LIMIT, null, null, version, null);
    }

    public AgentConfig withHeartbeatInterval(Duration interval) {
        return new AgentConfig(region, orchestrator, token, interval, reconnectMin, reconnectMax,
                orchestratorSilenceLimit, agentId, name, version, capabilities);
    }

    public AgentConfig withReconnect(Duration min, Duration max) {
        return new AgentConfig(region, orchestrator, token, heartbeatInterval, min, max, orchestratorSilenceLimit,
                agentId, name, version, capabilities);
    }

    public AgentConfig withOrchestratorSilenceLimit(Duration limit) {
        return new AgentConfig(region, orchestrator, token, heartbeatInterval, reconnectMin, reconnectMax, limit,
                agentId, name, version, capabilities);
    }

    public AgentConfig withCapabilities(List<String> newCapabilities) {
        return new AgentConfig(region, orchestrator, token, heartbeatInterval, reconnectMin, reconnectMax,
                orchestratorSilenceLimit, agentId, name, version, newCapabilities);
    }

    public AgentConfig withName(String newName) {
        return new AgentConfig(region, orchestrator, token, heartbeatInterval, reconnectMin, reconnectMax,
                orchestratorSilenceLimit, agentId, newName, version, capabilities);
    }

    /**
     * Reads a token file written by {@code firedrill server --enroll} (or by hand): the token, surrounding
     * whitespace trimmed. A missing, unreadable or empty file is an error that names the path.
     */
    public static String readToken(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("token file " + file.toAbsolutePath() + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read token file " + file.toAbsolutePath() + ": " + e);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("token file " + file.toAbsolutePath() + " is empty");
        }
        return text;
    }

    /** The WebSocket endpoint the agent dials: {@code <orchestrator>/api/v1/agents/connect}. */
    public URI connectUri() {
        String base = orchestrator.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/agents/connect");
    }

    @Override
    public String toString() {
        // Written out by hand so the token never reaches a log line.
        return "AgentConfig[region=" + region + ", orchestrator=" + orchestrator + ", heartbeatInterval="
                + heartbeatInterval + ", reconnect=" + reconnectMin + ".." + reconnectMax
                + ", orchestratorSilenceLimit=" + orchestratorSilenceLimit + ", agentId=" + agentId
                + ", name=" + name + ", version=" + version + "]";
    }

    private static void checkOrchestrator(URI uri) {
        if (uri == null || uri.getHost() == null
                || !("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("orchestrator URI '" + uri
                    + "' is not valid: expected ws://host:port or wss://host:port");
        }
    }

    private static void checkPositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }
}
