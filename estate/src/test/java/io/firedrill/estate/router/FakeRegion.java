package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for a regional app that speaks the router-facing contract (health, records, promote, fence,
 * resync) with switchable behaviour, so the router can be tested before and apart from the real apps.
 * Replication is instant: a primary's write is applied to every region that is its replica.
 *
 * <p>All fake regions of one estate share one lock (the registry), so cross-region copies cannot deadlock.
 */
final class FakeRegion {
    private final String name;
    private final Map<String, FakeRegion> registry;
    private final Object lock;
    private HttpServer server;

    private String role;
    private long epoch = 1;
    private long position;
    private FakeRegion source;
    private final TreeMap<String, String> records = new TreeMap<>();
    private boolean healthy = true;
    private long recordDelayMillis;
    private long promoteDelayMillis;
    private int promoteFailureStatus;
    private final List<String> adminCalls = new ArrayList<>();
    private final List<String> epochHeaders = new ArrayList<>();

    private FakeRegion(String name, String role, Map<String, FakeRegion> registry) {
        this.name = name;
        this.role = role;
        this.registry = registry;
        this.lock = registry;
    }

    /** A new, empty registry for the regions of one estate. */
    static Map<String, FakeRegion> registry() {
        return new ConcurrentHashMap<>();
    }

    static Future<FakeRegion> start(Vertx vertx, String name, String role, FakeRegion source,
            Map<String, FakeRegion> registry) {
        FakeRegion region = new FakeRegion(name, role, registry);
        region.source = source;
        registry.put(name, region);
        region.server = vertx.createHttpServer().requestHandler(region.routes(vertx));
        return region.server.listen(0, "127.0.0.1").map(listening -> region);
    }

    int port() {
        return server.actualPort();
    }

    Future<Void> stop() {
        return server.close();
    }

    // ---- switches and observations for tests ----

    void healthy(boolean value) {
        synchronized (lock) {
            healthy = value;
        }
    }

    void recordDelayMillis(long value) {
        synchronized (lock) {
            recordDelayMillis = value;
        }
    }

    void promoteDelayMillis(long value) {
        synchronized (lock) {
            promoteDelayMillis = value;
        }
    }

    /** Makes {@code /admin/promote} answer with this status (0: behave normally). */
    void promoteFailureStatus(int status) {
        synchronized (lock) {
            promoteFailureStatus = status;
        }
    }

    String role() {
        synchronized (lock) {
            return role;
        }
    }

    long epoch() {
        synchronized (lock) {
            return epoch;
        }
    }

    String sourceName() {
        synchronized (lock) {
            return source == null ? null : source.name;
        }
    }

    Map<String, String> records() {
        synchronized (lock) {
            return new TreeMap<>(records);
        }
    }

    List<String> adminCalls() {
        synchronized (lock) {
            return List.copyOf(adminCalls);
        }
    }

    /** The {@code Firedrill-Epoch} header of each record request, in order ({@code null} when absent). */
    List<String> epochHeaders() {
        synchronized (lock) {
            return new ArrayList<>(epochHeaders);
        }
    }

    // ---- the contract ----

    private Router routes(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false));
        router.get("/health").handler(this::health);
        router.put("/records/:id").handler(ctx -> delayed(vertx, ctx, this::write));
        router.get("/records/:id").handler(ctx -> delayed(vertx, ctx, this::read));
        router.get("/records").handler(ctx -> delayed(vertx, ctx, this::page));
        router.post("/admin/promote").handler(ctx -> promote(vertx, ctx));
        router.post("/admin/fence").handler(this::fence);
        router.post("/admin/resync").handler(this::resync);
        return router;
    }

    private void delayed(Vertx vertx, RoutingContext ctx, java.util.function.Consumer<RoutingContext> handler) {
        long delay;
        synchronized (lock) {
            epochHeaders.add(ctx.request().getHeader("Firedrill-Epoch"));
            delay = recordDelayMillis;
        }
        if (delay > 0) {
            vertx.setTimer(delay, id -> handler.accept(ctx));
        } else {
            handler.accept(ctx);
        }
    }

    private void health(RoutingContext ctx) {
        synchronized (lock) {
            if (!healthy) {
                json(ctx, 503, new JsonObject().put("error", "database of " + name + " is down").put("status", 503));
                return;
            }
            Long peerPosition = source != null ? Long.valueOf(source.position) : null;
            JsonObject replication = new JsonObject().put("position", position).put("unit", "changes")
                    .put("peerPosition", peerPosition)
                    .put("lag", peerPosition == null ? null : Math.max(0, peerPosition - position))
                    .put("lagMillis", peerPosition == null ? null : 0).put("streaming", source != null);
            json(ctx, 200, new JsonObject().put("region", name).put("role", role).put("epoch", epoch)
                    .put("db", "h2").put("replication", replication));
        }
    }

    private void write(RoutingContext ctx) {
        synchronized (lock) {
            if (role.equals("replica")) {
                error(ctx, 503, name + " is a replica");
                return;
            }
            if (role.equals("fenced")) {
                error(ctx, 409, name + " is fenced at epoch " + epoch);
                return;
            }
            String id = ctx.pathParam("id");
            String value = ctx.body().asString();
            records.put(id, value);
            position++;
            for (FakeRegion other : registry.values()) {
                if (other != this && other.source == this && other.role.equals("replica")) {
                    other.records.put(id, value);
                    other.position = position;
                }
            }
            json(ctx, 201, new JsonObject().put("id", id).put("value", value).put("epoch", epoch)
                    .put("position", position).put("region", name));
        }
    }

    private void read(RoutingContext ctx) {
        synchronized (lock) {
            String value = records.get(ctx.pathParam("id"));
            if (value == null) {
                error(ctx, 404, "no record " + ctx.pathParam("id") + " in " + name);
            } else {
                json(ctx, 200, new JsonObject().put("id", ctx.pathParam("id")).put("value", value).put("region", name));
            }
        }
    }

    private void page(RoutingContext ctx) {
        synchronized (lock) {
            String after = ctx.request().getParam("after", "");
            int limit = Integer.parseInt(ctx.request().getParam("limit", "100"));
            JsonArray page = new JsonArray();
            records.tailMap(after, false).entrySet().stream().limit(limit)
                    .forEach(e -> page.add(new JsonObject().put("id", e.getKey()).put("value", e.getValue())));
            json(ctx, 200, new JsonObject().put("records", page).put("region", name));
        }
    }

    private void promote(Vertx vertx, RoutingContext ctx) {
        long requested = ctx.body().asJsonObject().getLong("epoch");
        long delay;
        synchronized (lock) {
            adminCalls.add("promote " + requested);
            delay = promoteDelayMillis;
        }
        vertx.setTimer(Math.max(1, delay), id -> {
            synchronized (lock) {
                if (promoteFailureStatus != 0) {
                    error(ctx, promoteFailureStatus, "promotion of " + name + " refused by the test");
                } else if (requested <= epoch && !(role.equals("primary") && requested == epoch)) {
                    error(ctx, 409, name + " is at epoch " + epoch + "; cannot promote to " + requested);
                } else {
                    role = "primary";
                    epoch = requested;
                    source = null;
                    json(ctx, 200, new JsonObject().put("region", name).put("role", role).put("epoch", epoch)
                            .put("position", position));
                }
            }
        });
    }

    private void fence(RoutingContext ctx) {
        synchronized (lock) {
            long requested = ctx.body().asJsonObject().getLong("epoch");
            adminCalls.add("fence " + requested);
            role = "fenced";
            epoch = Math.max(epoch, requested);
            json(ctx, 200, new JsonObject().put("role", role).put("epoch", epoch).put("position", position));
        }
    }

    private void resync(RoutingContext ctx) {
        synchronized (lock) {
            JsonObject body = ctx.body().asJsonObject();
            FakeRegion from = registry.get(body.getString("source"));
            adminCalls.add("resync " + body.getString("source") + " " + body.getLong("epoch"));
            role = "replica";
            epoch = body.getLong("epoch");
            source = from;
            records.clear();
            records.putAll(from.records);
            position = from.position;
            json(ctx, 200, new JsonObject().put("region", name).put("role", role).put("epoch", epoch)
                    .put("source", from.name));
        }
    }

    private static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message).put("status", status));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
