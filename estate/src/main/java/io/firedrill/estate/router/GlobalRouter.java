package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The reference estate's front door: a global router in front of two regions of the order service.
 *
 * <p>It forwards user traffic to the active region, checks both regions' health, fails over to the
 * other region when the active one goes down (automatically or when an operator says so), fences the
 * old primary when it returns, and fails back on request. Clients can be made to keep their region for
 * a DNS TTL, which reproduces how real clients reach an old primary after failover. Everything it
 * decides is recorded as {@link RouterEvent}s, which are the estate's evidence for detection, decision
 * and promotion times in a game-day report.
 *
 * <p>HTTP endpoints: {@code PUT/GET /records/{id}}, {@code GET /records} (forwarded), {@code GET
 * /health}, {@code GET /router/status}, {@code GET /router/events?after=}, {@code POST
 * /router/settings}, {@code POST /failover}, {@code POST /failback}.
 */
public final class GlobalRouter {
    private final Vertx vertx;
    private final RouterVerticle verticle;
    private final String deploymentId;

    private GlobalRouter(Vertx vertx, RouterVerticle verticle, String deploymentId) {
        this.vertx = vertx;
        this.verticle = verticle;
        this.deploymentId = deploymentId;
    }

    /** Starts a router listening on {@code host:port} ({@code port} 0 picks a free port). */
    public static Future<GlobalRouter> start(Vertx vertx, GlobalRouterConfig config, String host, int port) {
        Objects.requireNonNull(config, "config");
        RouterVerticle verticle = new RouterVerticle(config, host, port);
        return vertx.deployVerticle(verticle).map(id -> new GlobalRouter(vertx, verticle, id));
    }

    /** The port it listens on. */
    public int port() {
        return verticle.port();
    }

    /** Stops checking, closes the server and the connections to the regions. */
    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }

    /** The region user traffic goes to now (clients with a cached DNS answer may still go elsewhere). */
    public String active() {
        return verticle.active();
    }

    /** The router's current epoch. */
    public long epoch() {
        return verticle.epoch();
    }

    /** The same document as {@code GET /router/status}. */
    public Future<JsonObject> status() {
        return verticle.status();
    }

    /** The retained events, oldest first (at most the last 10 000). */
    public List<RouterEvent> events() {
        return verticle.events().after(0);
    }

    /** The retained events with a sequence number greater than {@code seq}. */
    public List<RouterEvent> eventsAfter(long seq) {
        return verticle.events().after(seq);
    }
}
