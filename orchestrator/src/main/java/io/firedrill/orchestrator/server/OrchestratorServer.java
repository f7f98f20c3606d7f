package io.firedrill.orchestrator.server;

import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.agents.EnrollmentBootstrap;
import io.firedrill.orchestrator.api.ApiDocument;
import io.firedrill.orchestrator.api.ApiErrors;
import io.firedrill.orchestrator.api.EstateReferences;
import io.firedrill.orchestrator.api.EstatesApi;
import io.firedrill.orchestrator.api.ExperimentsApi;
import io.firedrill.orchestrator.api.FaultsApi;
import io.firedrill.orchestrator.api.HaltApi;
import io.firedrill.orchestrator.api.HealthApi;
import io.firedrill.orchestrator.api.RunsApi;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.fault.FaultServiceConfig;
import io.firedrill.orchestrator.probe.ProbeService;
import io.firedrill.orchestrator.run.AgentProbeFeed;
import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.safety.HaltService;
import io.firedrill.orchestrator.safety.RunRecovery;
import io.firedrill.orchestrator.store.AgentStatus;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.web.WebUi;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator process: database, agent hub and HTTP API on one Vert.x instance.
 * Start-up order matters: the database is migrated before any request can reach it, and tokens are
 * written before agents could try them.
 */
public final class OrchestratorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorServer.class);

    private final ServerConfig config;
    private final Database db;
    private final Vertx vertx;
    private final AgentHub hub;
    private final FaultService faults;
    private final ProbeService probes;
    private final HaltService halts;
    private final RunRecovery recovery;
    private final RunEngine runs;
    private final HttpServer http;
    private final Router router;
    private final Duration startup;

    private OrchestratorServer(ServerConfig config, Database db, Vertx vertx, AgentHub hub, FaultService faults,
            ProbeService probes, RunEngine runs, HaltService halts, RunRecovery recovery, HttpServer http, Router router,
            Duration startup) {
        this.config = config;
        this.db = db;
        this.vertx = vertx;
        this.hub = hub;
        this.faults = faults;
        this.probes = probes;
        this.runs = runs;
        this.halts = halts;
        this.recovery = recovery;
        this.http = http;
        this.router = router;
        this.startup = startup;
    }

    /** Starts everything and returns once the API is listening. Blocking; call from a plain thread. */
    public static OrchestratorServer start(ServerConfig config) throws Exception {
        long t0 = System.nanoTime();
        Clock clock = Clock.systemUTC();
        Database db = Database.open(config.db());
        Vertx vertx = null;
        try {
            EnrollmentBootstrap.ensureTokens(db.enrollments(), config.enrollRegions(), config.tokenDir());
            vertx = Vertx.vertx();
            AgentHub hub = new AgentHub(vertx, db.enrollments(), db.agents(), clock);
            FaultService faults = new FaultService(vertx, hub, clock, FaultServiceConfig.defaults());
            ProbeService probes = new ProbeService(vertx, hub, clock);
            String instance = RunRecovery.newInstanceId();
            RunEngine runs = new RunEngine(db.runs(), hub, faults, new AgentProbeFeed(probes),
                    config.dataDir().resolve("runs"), clock, instance);
            RunRecovery recovery = new RunRecovery(vertx, db.instances(), db.runs(), clock, instance);
            recovery.start();
            HaltService halts = new HaltService(vertx, db.halts(), hub, runs);
            halts.start();
            faults.refuseWhen(halts.gate());
            runs.refuseWhen(halts.gate());
            Router router = routes(vertx, config, db, hub, faults, runs, halts, clock);
            hub.start().await(10, TimeUnit.SECONDS);
            faults.start().await(10, TimeUnit.SECONDS);
            HttpServer http = listen(vertx, router, config);
            Duration startup = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info("orchestrator listening on {}:{} (database {}, started in {} ms)", config.bind(), http.actualPort(),
                    config.db().display(), startup.toMillis());
            return new OrchestratorServer(config, db, vertx, hub, faults, probes, runs, halts, recovery, http, router,
                    startup);
        } catch (Exception | Error e) {
            if (vertx != null) {
                vertx.close();
            }
            db.close();
            throw e;
        }
    }

    /** The API's listening socket; a bind failure becomes a {@link ListenException} naming the address. */
    private static HttpServer listen(Vertx vertx, Router router, ServerConfig config) throws Exception {
        try {
            return vertx.createHttpServer(new HttpServerOptions().setHost(config.bind()).setPort(config.port()))
                    .requestHandler(router)
                    .listen()
                    .await(10, TimeUnit.SECONDS);
        } catch (Exception e) { // await rethrows the failure as it is, checked or not
            throw ListenException.of(config.bind(), config.port(), e).orElseThrow(() -> e);
        }
    }

    private static Router routes(Vertx vertx, ServerConfig config, Database db, AgentHub hub, FaultService faults,
            RunEngine runs, HaltService halts, Clock clock) {
        Router router = Router.router(vertx);
        // Only requests that carry a body get a BodyHandler: it must not touch WebSocket upgrades. The check is
        // inside one catch-all route because a method-restricted route would turn unknown paths into 405s.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes());
        router.route().handler(ctx -> {
            HttpMethod m = ctx.request().method();
            if (m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.PATCH) {
                body.handle(ctx);
            } else {
                ctx.next();
            }
        });
        new ApiErrors(config.bodyLimitBytes()).install(router);
        new HealthApi(clock, db.dialect().label(), () -> (int) hub.list().stream()
                .filter(a -> a.status() == AgentStatus.ONLINE).count()).mount(router);
        EstateReferences references = new EstateReferences(db.experiments(), db.estates());
        new ExperimentsApi(vertx, db.experiments(), references).mount(router);
        new EstatesApi(vertx, db.estates(), references).mount(router);
        new RunsApi(vertx, db.runs(), db.experiments(), references, runs).mount(router);
        new FaultsApi(vertx, db.estates(), faults).mount(router);
        new HaltApi(vertx, halts, db.halts()).mount(router);
        hub.mount(router);
        new ApiDocument().mount(router);
        new WebUi().mount(router);
        return router;
    }

    /** Every operation the API serves, as {@code "GET /api/v1/experiments/{name}"}, sorted. */
    public List<String> routes() {
        List<String> ops = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue;
            }
            String path = route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            route.methods().forEach(m -> ops.add(m.name() + " " + path));
        }
        Collections.sort(ops);
        return ops;
    }

    public int port() {
        return http.actualPort();
    }

    public String baseUrl() {
        return "http://" + config.bind() + ":" + port();
    }

    /** The file {@code --enroll} wrote the region's agent token to. */
    public java.nio.file.Path tokenFile(String region) {
        return EnrollmentBootstrap.tokenFile(config.tokenDir(), region);
    }

    public Duration startupTime() {
        return startup;
    }

    public Vertx vertx() {
        return vertx;
    }

    public FaultService faults() {
        return faults;
    }

    public AgentHub agents() {
        return hub;
    }

    public RunEngine runs() {
        return runs;
    }

    public HaltService halts() {
        return halts;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        try {
            // Runs first (each reverts its faults and records its end), then any fault left, while the agents are
            // still connected to hear the reverts.
            halts.stop();
            runs.close();
            recovery.stop();
            probes.close().await(5, TimeUnit.SECONDS);
            faults.stop().await(15, TimeUnit.SECONDS);
            hub.stop().await(5, TimeUnit.SECONDS);
            http.close().await(5, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("orchestrator did not stop cleanly: {}", e.toString());
        } finally {
            db.close();
        }
    }
}
