package io.firedrill.orchestrator.agents;

import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.store.AgentStore;
import io.firedrill.orchestrator.store.EnrollmentStore;
import io.firedrill.wire.FaultReport;
import io.firedrill.wire.FaultInventory;
import io.firedrill.wire.HaltReport;
import io.firedrill.wire.Message;
import io.firedrill.wire.ProbeReport;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.WireCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's end of the control channel: accepts agent connections, tracks which region's agent is
 * online, measures each agent's clock offset, and serves the agents and enrollments API.
 *
 * <p>Lifecycle: construct, {@link #mount(Router)}, {@link #start()} (loads known agents, starts the
 * heartbeat watch), and {@link #stop()} on shutdown (disconnects agents, writes their final state).
 */
public final class AgentHub {
    /** Where agents dial in. */
    public static final String CONNECT_PATH = "/api/v1/agents/connect";
    /** The request header in which an agent names its region; its token comes as {@code Authorization: Bearer}. */
    public static final String REGION_HEADER = "X-Firedrill-Region";
    private static final Logger log = LoggerFactory.getLogger(AgentHub.class);

    private final Vertx vertx;
    private final EnrollmentStore enrollments;
    private final AgentStore agents;
    private final Clock clock;
    private final AgentHubConfig config;
    private final AgentPersister persister;
    private final AgentRegistry registry;
    private final HubContext context;
    private long sweepTimer = -1;

    public AgentHub(Vertx vertx, EnrollmentStore enrollments, AgentStore agents, Clock clock) {
        this(vertx, enrollments, agents, clock, AgentHubConfig.defaults());
    }

    public AgentHub(Vertx vertx, EnrollmentStore enrollments, AgentStore agents, Clock clock, AgentHubConfig config) {
        this.vertx = vertx;
        this.enrollments = enrollments;
        this.agents = agents;
        this.clock = clock;
        this.config = config;
        this.persister = new AgentPersister(vertx, agents);
        this.registry = new AgentRegistry(persister);
        this.context = new HubContext(vertx, clock, new WireCodec(), config, registry);
    }

    /** The agent connection endpoint, the agents API and the enrollments API. */
    public void mount(Router router) {
        router.get(CONNECT_PATH).handler(this::connect);
        router.get("/api/v1/agents").handler(ctx -> Json.reply(ctx, 200, list()));
        router.get("/api/v1/agents/:region").handler(this::findAgent);
        new EnrollmentRoutes(vertx, enrollments, registry).mount(router);
    }

    /** Loads the agents known from earlier runs (shown OFFLINE) and starts watching heartbeats. */
    public Future<Void> start() {
        return vertx.executeBlocking(agents::list, false).map(records -> {
            registry.load(records);
            sweepTimer = vertx.setPeriodic(config.sweepInterval().toMillis(), id -> registry.sweep(clock.instant()));
            log.info("agent hub started; {} agents known from earlier runs", records.size());
            return null;
        });
    }

    /** Disconnects every agent (code 1001) and writes their final state. */
    public Future<Void> stop() {
        vertx.cancelTimer(sweepTimer);
        registry.disconnectAll(1001, "orchestrator stopped");
        return persister.close();
    }

    /**
     * Sends a message to the region's agent; completes with the frame's id (replies quote it) once written,
     * or fails with {@link AgentUnavailableException} when the region has no agent online.
     */
    public Future<String> send(String region, Message message) {
        return registry.session(region)
                .map(s -> s.send(message))
                .orElseGet(() -> Future.failedFuture(new AgentUnavailableException(region)));
    }

    /** Hears every fault report an agent sends, on the event loop, with the agent's region. */
    public void onFaultReport(BiConsumer<String, FaultReport> listener) {
        context.reportListeners().add(listener);
    }

    /** Hears every batch of probe samples an agent sends, on the event loop, with the agent's region. */
    public void onProbeResults(BiConsumer<String, ProbeResults> listener) {
        context.probeListeners().add((region, m) -> {
            if (m instanceof ProbeResults results) {
                listener.accept(region, results);
            }
        });
    }

    /** Hears every probe report (started, stopped, failed) an agent sends, on the event loop, with its region. */
    public void onProbeReport(BiConsumer<String, ProbeReport> listener) {
        context.probeListeners().add((region, m) -> {
            if (m instanceof ProbeReport report) {
                listener.accept(region, report);
            }
        });
    }

    /** Hears every halt report an agent sends, on the event loop, with the agent's region. */
    public void onHaltReport(BiConsumer<String, HaltReport> listener) {
        context.probeListeners().add((region, m) -> {
            if (m instanceof HaltReport report) {
                listener.accept(region, report);
            }
        });
    }

    /** Hears the faults each agent says it holds after it connects, on the event loop, with the agent's region. */
    public void onFaultInventory(BiConsumer<String, FaultInventory> listener) {
        context.probeListeners().add((region, m) -> {
            if (m instanceof FaultInventory inventory) {
                listener.accept(region, inventory);
            }
        });
    }

    /** Hears the region of every agent that comes online (said hello), on the event loop. */
    public void onOnline(java.util.function.Consumer<String> listener) {
        context.onlineListeners().add(listener);
    }

    /** Whether the region's agent is connected and has said hello. */
    public boolean isOnline(String region) {
        return registry.session(region).isPresent();
    }

    /** Every region's agent, ordered by region: live state for connected ones, last known for the rest. */
    public List<AgentView> list() {
        return registry.list();
    }

    public Optional<AgentView> find(String region) {
        return registry.find(region);
    }

    /**
     * The connected agent's current clock-offset estimate, to map its timestamps onto the orchestrator's
     * timeline ({@link ClockOffset#toOrchestratorMicros}); empty while offline or not yet measured.
     */
    public Optional<ClockOffset> clockOffset(String region) {
        return registry.session(region).flatMap(AgentSession::clockOffset);
    }

    private void findAgent(RoutingContext ctx) {
        String region = ctx.pathParam("region");
        find(region).ifPresentOrElse(
                view -> Json.reply(ctx, 200, view),
                () -> ctx.fail(ApiException.notFound("no agent for region '" + region + "'")));
    }

    /** Authenticates before upgrading, so a refused agent gets a plain HTTP 401 it can report. */
    private void connect(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String remote = String.valueOf(request.remoteAddress());
        String region = request.getHeader(REGION_HEADER);
        if (!request.canUpgradeToWebSocket()) {
            ctx.fail(ApiException.badRequest("GET " + CONNECT_PATH + " is the agents' WebSocket endpoint; "
                    + "expected a WebSocket upgrade request"));
        } else if (region == null || region.isBlank()) {
            ctx.fail(ApiException.badRequest("missing header " + REGION_HEADER + " naming the agent's region"));
        } else if (!RegionNames.isValid(region)) {
            ctx.fail(ApiException.badRequest(RegionNames.problem(REGION_HEADER, region)));
        } else {
            String token = bearerToken(request);
            if (token == null) {
                refuse(ctx, region, remote, "no bearer token", "missing header Authorization: Bearer <token>");
                return;
            }
            // Paused so that nothing of the request is consumed before toWebSocket() runs after the lookup.
            request.pause();
            vertx.executeBlocking(() -> authenticate(region, token), false).onComplete(
                    refusal -> upgradeOrRefuse(ctx, region, remote, refusal),
                    ctx::fail);
        }
    }

    /** Null when the token is the region's; else why not, for the log (never the token itself). */
    private String authenticate(String region, String token) {
        if (enrollments.verify(region, token)) {
            return null;
        }
        boolean enrolled = enrollments.list().stream().anyMatch(e -> e.region().equals(region));
        return enrolled ? "token does not match the region's enrollment" : "region is not enrolled";
    }

    private void upgradeOrRefuse(RoutingContext ctx, String region, String remote, String refusal) {
        HttpServerRequest request = ctx.request();
        if (refusal != null) {
            request.resume();
            refuse(ctx, region, remote, refusal, "agent token rejected for region '" + region + "'");
            return;
        }
        request.toWebSocket().onComplete(
                ws -> new AgentSession(context, ws, region, remote).open(),
                e -> log.warn("agent connection for region {} from {} could not be upgraded: {}", region, remote,
                        e.toString()));
    }

    private static void refuse(RoutingContext ctx, String region, String remote, String why, String message) {
        AgentRegistry.withRegion(region,
                () -> log.warn("refused agent connection for region {} from {}: {}", region, remote, why));
        ctx.fail(new ApiException(401, message));
    }

    private static String bearerToken(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
