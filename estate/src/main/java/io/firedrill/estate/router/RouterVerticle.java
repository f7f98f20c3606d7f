package io.firedrill.estate.router;

import io.firedrill.model.Durations;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;

/**
 * Wires the router's parts on one Vert.x context: the HTTP server, the health-check timer and every
 * HTTP client callback run on it, so router state needs no locks.
 */
final class RouterVerticle extends VerticleBase {
    private final GlobalRouterConfig config;
    private final String host;
    private final int requestedPort;
    private final EventLog events;

    private RouterState state;
    private Upstream upstream;
    private HealthChecker health;
    private HttpServer server;
    private volatile int port = -1;

    RouterVerticle(GlobalRouterConfig config, String host, int port) {
        this.config = config;
        this.host = host;
        this.requestedPort = port;
        this.events = new EventLog(config.clock());
    }

    @Override
    public Future<?> start() {
        state = new RouterState(config);
        upstream = new Upstream(vertx);
        Coordinator coordinator = new Coordinator(vertx, state, upstream, events);
        health = new HealthChecker(vertx, state, upstream, events, coordinator);
        coordinator.health(health);
        RouterApi api = new RouterApi(state, coordinator, health, new Forwarder(state, upstream), events);
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(requestedPort));
        return server.requestHandler(api.router(vertx)).listen().onSuccess(listening -> {
            port = listening.actualPort();
            events.append(EventType.ROUTER_STARTED, state.active(), state.epoch(), HealthChecker.ROUTER_ACTOR,
                    startDetail());
            health.start();
        });
    }

    @Override
    public Future<?> stop() {
        state.stop();
        health.stop();
        return server.close().eventually(() -> upstream.close());
    }

    int port() {
        return port;
    }

    EventLog events() {
        return events;
    }

    String active() {
        return state.active();
    }

    long epoch() {
        return state.epoch();
    }

    /** The status document, computed on the router's context. */
    Future<JsonObject> status() {
        Promise<JsonObject> status = Promise.promise();
        context.runOnContext(ignored -> status.complete(state.toJson()));
        return status.future();
    }

    private String startDetail() {
        return "listening on " + host + ":" + port + "; " + state.active() + " active at epoch " + state.epoch()
                + "; policy " + state.policy().wire() + ", fencing " + (state.fencing() ? "on" : "off")
                + ", health every " + Durations.format(state.healthInterval()) + " (timeout "
                + Durations.format(state.healthTimeout()) + ", down after " + state.failureThreshold()
                + " failures), dnsTtl " + Durations.format(state.dnsTtl());
    }
}
