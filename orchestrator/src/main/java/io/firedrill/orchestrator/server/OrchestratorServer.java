package io.firedrill.orchestrator.server;

import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.agents.EnrollmentBootstrap;
import io.firedrill.orchestrator.api.ApiDocument;
import io.firedrill.orchestrator.api.ApiErrors;
import io.firedrill.orchestrator.api.EstateReferences;
import io.firedrill.orchestrator.api.EstatesApi;
import io.firedrill.orchestrator.api.ExperimentsApi;
import io.firedrill.orchestrator.api.FaultsApi;
import io.firedrill.orchestrator.api.FreezeWindowsApi;
import io.firedrill.orchestrator.api.ApprovalsApi;
import io.firedrill.orchestrator.api.AuditApi;
import io.firedrill.orchestrator.audit.AuditLog;
import io.firedrill.orchestrator.api.HaltApi;
import io.firedrill.orchestrator.api.HealthApi;
import io.firedrill.orchestrator.api.RunsApi;
import io.firedrill.orchestrator.api.SchedulesApi;
import io.firedrill.orchestrator.api.StoredExperiments;
import io.firedrill.orchestrator.rehearsal.GameDayService;
import io.firedrill.orchestrator.rehearsal.GameDaysApi;
import io.firedrill.orchestrator.rehearsal.RehearsalService;
import io.firedrill.orchestrator.report.ReportService;
import io.firedrill.orchestrator.report.ReportsApi;
import io.firedrill.orchestrator.rehearsal.RunbooksApi;
import io.firedrill.orchestrator.rehearsal.StepsApi;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.fault.FaultServiceConfig;
import io.firedrill.orchestrator.probe.ProbeService;
import io.firedrill.orchestrator.run.AgentProbeFeed;
import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.audit.ApiAuditTrail;
import io.firedrill.orchestrator.identity.Authentication;
import io.firedrill.orchestrator.identity.UserBootstrap;
import io.firedrill.orchestrator.identity.UsersApi;
import io.firedrill.orchestrator.safety.HaltService;
import io.firedrill.orchestrator.schedule.GameDays;
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
    private GameDays gameDays;
    private AuditLog audit;

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
            UserBootstrap.ensureAdmin(db.users(), config.tokenDir());
            vertx = Vertx.vertx();
            AgentHub hub = new AgentHub(vertx, db.enrollments(), db.agents(), clock);
            FaultService faults = new FaultService(vertx, hub, clock, FaultServiceConfig.defaults());
            ProbeService probes = new ProbeService(vertx, hub, clock);
            String instance = RunRecovery.newInstanceId();
            RunEngine runs = new RunEngine(db.runs(), hub, faults, new AgentProbeFeed(probes),
                    config.dataDir().resolve("runs"), clock, instance, db.approvals());
            RunRecovery recovery = new RunRecovery(vertx, db.instances(), db.runs(), clock, instance);
            recovery.start();
            HaltService halts = new HaltService(vertx, db.halts(), hub, runs);
            halts.start();
            faults.refuseWhen(halts.gate());
            runs.refuseWhen(halts.gate());
            // Game days: schedules fire through Quartz on this database; freeze windows hold them back (schedule/).
            GameDays gameDays = new GameDays(db, runs, new StoredExperiments(db.experiments(), db.estates()), clock,
                    instance);
            // Audit log: entries and signed checkpoints in this database, its signing key in <data-dir>/keys (audit/).
            AuditLog audit = AuditLog.open(db.audit(), config.dataDir().resolve("keys"), clock);
            runs.recordTo(audit);
            Router router = routes(vertx, config, db, hub, faults, runs, halts, clock, gameDays, audit);
            hub.start().await(10, TimeUnit.SECONDS);
            faults.start().await(10, TimeUnit.SECONDS);
            gameDays.start();
            HttpServer http;
            try {
                http = listen(vertx, router, config);
            } catch (Exception e) {
                gameDays.close(); // its threads would otherwise fire game days for a server that never started
                throw e;
            }
            Duration startup = Duration.ofNanos(System.nanoTime() - t0);
            LOG.info("orchestrator listening on {}:{} (database {}, started in {} ms)", config.bind(), http.actualPort(),
                    config.db().display(), startup.toMillis());
            OrchestratorServer server = new OrchestratorServer(config, db, vertx, hub, faults, probes, runs, halts,
                    recovery, http, router, startup);
            server.gameDays = gameDays;
            server.audit = audit;
            return server;
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
            // No cleartext HTTP/2 upgrade: Java's HttpClient asks for it on every plain-http request, and a large
            // answer after the upgrade (the OpenAPI document) reached it garbled. HTTP/1.1 is all the API needs.
            return vertx.createHttpServer(new HttpServerOptions().setHost(config.bind()).setPort(config.port())
                            .setHttp2ClearTextEnabled(false))
                    .requestHandler(router)
                    .listen()
                    .await(10, TimeUnit.SECONDS);
        } catch (Exception e) { // await rethrows the failure as it is, checked or not
            throw ListenException.of(config.bind(), config.port(), e).orElseThrow(() -> e);
        }
    }

    private static Router routes(Vertx vertx, ServerConfig config, Database db, AgentHub hub, FaultService faults,
            RunEngine runs, HaltService halts, Clock clock, GameDays gameDays, AuditLog audit) {
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
        new Authentication(vertx, db.users(), UserBootstrap.adminTokenFile(config.tokenDir())).install(router);
        new ApiAuditTrail(vertx, audit).install(router);
        new UsersApi(vertx, db.users()).mount(router);
        new HealthApi(clock, db.dialect().label(), () -> (int) hub.list().stream()
                .filter(a -> a.status() == AgentStatus.ONLINE).count()).mount(router);
        EstateReferences references = new EstateReferences(db.experiments(), db.estates());
        new ExperimentsApi(vertx, db.experiments(), references).mount(router);
        new EstatesApi(vertx, db.estates(), references).mount(router);
        new RunsApi(vertx, db.runs(), db.experiments(), references, runs).mount(router);
        new ApprovalsApi(vertx, db.approvals(), db.experiments(), references, clock).mount(router);
        new FaultsApi(vertx, db.estates(), faults).mount(router);
        new HaltApi(vertx, halts, db.halts()).mount(router);
        new SchedulesApi(vertx, gameDays).mount(router);
        new FreezeWindowsApi(vertx, gameDays.freezeWindows(), clock).mount(router);
        new AuditApi(vertx, audit).mount(router);
        // Runbook rehearsal: game days with a runbook and participants, and the steps of their runs (rehearsal/).
        GameDayService drills = new GameDayService(db, runs, new StoredExperiments(db.experiments(), db.estates()),
                clock);
        new GameDaysApi(vertx, drills).mount(router);
        new RunbooksApi(vertx, drills, db.runbooks(), db.gameDays()).mount(router);
        new StepsApi(vertx, new RehearsalService(db, runs, clock)).mount(router);
        new ReportsApi(vertx, new ReportService(db, runs::runDir, new RehearsalService(db, runs, clock), audit, clock))
                .mount(router);
        hub.mount(router);
        new ApiDocument().mount(router);
        new WebUi().mount(router);
        return router;
    }

    /** Every operation the API serves, as {@code "GET /api/v1/experiments/{name}"}, sorted. */
    public List<String> routes() {
        List<String> ops = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            // The web UI's routes are files, not API operations.
            if (route.getPath() == null || route.methods() == null || !route.getPath().startsWith("/api/")) {
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
    /** Where a first start wrote the admin's API token. */
    public java.nio.file.Path adminTokenFile() {
        return UserBootstrap.adminTokenFile(config.tokenDir());
    }

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

    public GameDays gameDays() {
        return gameDays;
    }

    /** The audit log (audit/): append, checkpoint, verify. */
    public AuditLog audit() {
        return audit;
    }

    public Database database() {
        return db;
    }

    @Override
    public void close() {
        try {
            // Runs first (each reverts its faults and records its end), then any fault left, while the agents are
            // still connected to hear the reverts.
            gameDays.close(); // first: no game day may start while the rest stops
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
            if (audit != null) {
                audit.checkpointAtStop(); // the entries of this process's last moments get a signed root too
            }
            db.close();
        }
    }
}
