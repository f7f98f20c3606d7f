package io.firedrill.estate.region;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region's application: a small HTTP service of records with unique ids over the region's database.
 *
 * <p>It owns the region's <em>role</em> and <em>epoch</em>. Only a primary takes writes; a replica answers
 * 503. Fencing uses the epoch as a token: the router stamps each request with the current epoch
 * ({@value #EPOCH_HEADER}); a primary that sees a newer epoch learns it has been replaced, fences itself
 * and answers 409, so an old primary that comes back cannot split the brain. With fencing off the router
 * sends no token, and an old primary takes whatever still reaches it.
 *
 * <p>Writes hold a read lock and role changes the write lock, so a fence answers with a final position:
 * no write is acknowledged by a region after it has reported itself fenced.
 */
public final class RegionApp {
    public static final String EPOCH_HEADER = "Firedrill-Epoch";
    static final int MAX_VALUE_BYTES = 8192;
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 500;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:~-]{1,200}");
    private static final Logger LOG = LoggerFactory.getLogger(RegionApp.class);

    private final Vertx vertx;
    private final String region;
    private final RecordStore store;
    private final Peer peer;
    private final ReadWriteLock roleLock = new ReentrantReadWriteLock(true);
    private volatile Role role;
    private volatile long epoch;
    private HttpServer server;

    private RegionApp(Vertx vertx, String region, RecordStore store, Peer peer, Role role, long epoch) {
        this.vertx = vertx;
        this.region = region;
        this.store = store;
        this.peer = peer;
        this.role = role;
        this.epoch = epoch;
    }

    /** Serves {@code store} for {@code region} on {@code host:port} (0: a free port). */
    public static Future<RegionApp> start(Vertx vertx, String region, RecordStore store, Peer peer, Role role,
            long epoch, String host, int port) {
        RegionApp app = new RegionApp(vertx, region, store, peer, role, epoch);
        return vertx.createHttpServer().requestHandler(app.routes()).listen(port, host).map(server -> {
            app.server = server;
            LOG.info("{} app ({}, {} at epoch {}) on {}:{}", region, store.engine(), role.wire(), epoch, host,
                    server.actualPort());
            return app;
        });
    }

    public int port() {
        return server.actualPort();
    }

    public String region() {
        return region;
    }

    public Role role() {
        return role;
    }

    public long epoch() {
        return epoch;
    }

    public RecordStore store() {
        return store;
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private Router routes() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_VALUE_BYTES * 4L + 1_000_000));
        router.put("/records/:id").handler(this::write);
        router.get("/records/:id").handler(this::read);
        router.get("/records").handler(this::page);
        router.get("/health").handler(this::health);
        router.post("/admin/promote").handler(this::promote);
        router.post("/admin/fence").handler(this::fence);
        router.post("/admin/resync").handler(this::resync);
        router.post("/replication/apply").handler(this::applyShipped);
        router.route().last().handler(ctx -> fail(ctx, 404, "no such resource: " + ctx.request().method() + " "
                + ctx.request().path()));
        router.route().failureHandler(this::onFailure);
        router.errorHandler(413, ctx -> fail(ctx, 413, "request body too large"));
        router.errorHandler(500, ctx -> fail(ctx, 500, "internal error: " + ctx.failure()));
        return router;
    }

    /**
     * A request whose connection closed before it was read (a link cut mid-request) needs no answer; anything
     * else that failed gets a JSON 500.
     */
    private void onFailure(RoutingContext ctx) {
        if (ctx.failure() instanceof io.vertx.core.http.HttpClosedException || ctx.response().closed()) {
            LOG.debug("{}: {} {} ended by its connection closing", region, ctx.request().method(), ctx.request().path());
            return;
        }
        if (ctx.statusCode() == 413) {
            fail(ctx, 413, "request body too large");
            return;
        }
        if (ctx.statusCode() >= 400 && ctx.statusCode() < 500 && ctx.failure() == null) {
            fail(ctx, ctx.statusCode(), "bad request: " + ctx.request().method() + " " + ctx.request().path());
            return;
        }
        LOG.warn("{}: {} {} failed", region, ctx.request().method(), ctx.request().path(), ctx.failure());
        fail(ctx, 500, "internal error: " + ctx.failure());
    }

    private void write(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String value = ctx.body().asString();
        if (!ID.matcher(id).matches()) {
            fail(ctx, 400, "id '" + abbreviate(id) + "': expected 1-200 characters of A-Z a-z 0-9 . _ : ~ -");
            return;
        }
        if (value == null || value.isEmpty() || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_VALUE_BYTES) {
            fail(ctx, 400, "body: expected the record's value as 1 to " + MAX_VALUE_BYTES + " bytes of text, got "
                    + (value == null ? 0 : value.length()) + " characters");
            return;
        }
        String token = ctx.request().getHeader(EPOCH_HEADER);
        Long requestEpoch;
        try {
            requestEpoch = token == null ? null : Long.parseLong(token.trim());
        } catch (NumberFormatException e) {
            fail(ctx, 400, "header " + EPOCH_HEADER + ": expected an integer epoch, got '" + abbreviate(token) + "'");
            return;
        }
        blocking(ctx, () -> writeChecked(id, value, requestEpoch));
    }

    private Reply writeChecked(String id, String value, Long requestEpoch) {
        roleLock.readLock().lock();
        try {
            Reply refused = refusal(requestEpoch);
            if (refused == null) {
                WriteResult result = store.write(id, value, epoch);
                JsonObject body = result.record().toJson().put("region", region);
                return switch (result.outcome()) {
                    case CREATED -> new Reply(201, body);
                    case SAME -> new Reply(200, body);
                    case CONFLICT -> Reply.error(409, "record '" + id + "' already exists with another value")
                            .with("record", body);
                };
            }
            if (!refused.stale) {
                return refused;
            }
        } finally {
            roleLock.readLock().unlock();
        }
        return fenceOnNewerToken(requestEpoch);
    }

    /** Why this region may not take a write now, or null when it may. */
    private Reply refusal(Long requestEpoch) {
        if (role == Role.REPLICA) {
            return Reply.error(503, region + " is a replica (standby) at epoch " + epoch
                    + " and takes no writes; writes go to the primary region").with("role", role.wire());
        }
        if (role == Role.FENCED) {
            return Reply.error(409, region + " is fenced: a newer primary exists (this region's epoch is " + epoch
                    + "); it takes no writes until it is resynced").with("role", role.wire());
        }
        if (requestEpoch != null && requestEpoch < epoch) {
            return Reply.error(409, "stale epoch: the request carries epoch " + requestEpoch + " but " + region
                    + " is primary at epoch " + epoch).with("role", role.wire());
        }
        if (requestEpoch != null && requestEpoch > epoch) {
            Reply stale = Reply.error(409, "");
            stale.stale = true;
            return stale;
        }
        return null;
    }

    private Reply fenceOnNewerToken(long requestEpoch) {
        roleLock.writeLock().lock();
        try {
            if (role == Role.PRIMARY && requestEpoch > epoch) {
                role = Role.FENCED;
                LOG.warn("{} fenced itself: a write carried epoch {}, newer than its own {}", region, requestEpoch,
                        epoch);
            }
            return Reply.error(409, "stale epoch: " + region + " is at epoch " + epoch + " but the request carries "
                    + requestEpoch + ", so a newer primary exists; " + region + " is fenced and takes no writes")
                    .with("role", role.wire());
        } finally {
            roleLock.writeLock().unlock();
        }
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking(ctx, () -> store.read(id)
                .map(r -> new Reply(200, r.toJson().put("region", region)))
                .orElseGet(() -> Reply.error(404, "no record '" + abbreviate(id) + "' in " + region)));
    }

    private void page(RoutingContext ctx) {
        String after = ctx.request().getParam("after", "");
        String limitText = ctx.request().getParam("limit", Integer.toString(DEFAULT_PAGE));
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            fail(ctx, 400, "limit '" + abbreviate(limitText) + "': expected an integer from 1 to " + MAX_PAGE);
            return;
        }
        int size = limit;
        blocking(ctx, () -> {
            List<StoredRecord> page = store.page(after, size);
            JsonArray records = new JsonArray();
            page.forEach(r -> records.add(r.toJson()));
            String next = page.size() == size ? page.get(page.size() - 1).id() : null;
            return new Reply(200, new JsonObject().put("region", region).put("records", records).put("next", next));
        });
    }

    private void health(RoutingContext ctx) {
        blocking(ctx, () -> {
            Role r = role;
            JsonObject body = new JsonObject().put("region", region).put("role", r.wire()).put("epoch", epoch)
                    .put("db", store.engine());
            if (!store.healthy()) {
                return new Reply(503, body.put("error", "the database of " + region + " does not answer")
                        .put("status", 503));
            }
            return new Reply(200, body.put("replication", store.replication(r).toJson(r)));
        });
    }

    private void promote(RoutingContext ctx) {
        Long newEpoch = epochField(ctx);
        if (newEpoch == null) {
            return;
        }
        admin(ctx, () -> {
            if (role == Role.PRIMARY && newEpoch == epoch) {
                return new Reply(200, status()); // already done: a retried promotion
            }
            if (newEpoch <= epoch) {
                return Reply.error(409, "field 'epoch': " + newEpoch + " is not newer than " + region
                        + "'s epoch " + epoch);
            }
            store.promote(newEpoch);
            role = Role.PRIMARY;
            epoch = newEpoch;
            LOG.info("{} promoted to primary at epoch {}", region, newEpoch);
            return new Reply(200, status());
        });
    }

    private void fence(RoutingContext ctx) {
        Long newer = epochField(ctx);
        if (newer == null) {
            return;
        }
        admin(ctx, () -> {
            if (role == Role.PRIMARY && newer > epoch) {
                role = Role.FENCED;
                LOG.warn("{} fenced by the router: epoch {} replaces {}", region, newer, epoch);
            }
            return new Reply(200, status().put("fencedBy", newer));
        });
    }

    private void resync(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        Object source = body.getValue("source");
        if (!(source instanceof String) || !source.equals(peer.region())) {
            fail(ctx, 400, "field 'source': expected the peer region '" + peer.region() + "', got " + quoted(source));
            return;
        }
        Long sourceEpoch = epochField(ctx);
        if (sourceEpoch == null) {
            return;
        }
        admin(ctx, () -> {
            store.resyncFrom(peer, sourceEpoch);
            role = Role.REPLICA;
            epoch = Math.max(epoch, sourceEpoch);
            LOG.info("{} resynced as a replica of {} at epoch {}", region, peer.region(), epoch);
            return new Reply(200, status());
        });
    }

    private void applyShipped(RoutingContext ctx) {
        if (store.receiver().isEmpty()) {
            fail(ctx, 404, region + " runs " + store.engine() + ", which replicates by itself");
            return;
        }
        JsonObject batch = jsonBody(ctx);
        if (batch == null) {
            return;
        }
        blocking(ctx, () -> {
            roleLock.readLock().lock();
            try {
                if (role != Role.REPLICA) {
                    return Reply.error(409, region + " is " + role.wire() + " at epoch " + epoch
                            + " and applies no shipped changes").with("role", role.wire());
                }
                return new Reply(200, store.receiver().orElseThrow().apply(batch));
            } finally {
                roleLock.readLock().unlock();
            }
        });
    }

    private JsonObject status() {
        return new JsonObject().put("region", region).put("role", role.wire()).put("epoch", epoch)
                .put("position", store.replication(role).position());
    }

    /** Runs a role change under the write lock, one at a time, off the event loop. */
    private void admin(RoutingContext ctx, Callable<Reply> change) {
        respond(ctx, vertx.executeBlocking(() -> {
            roleLock.writeLock().lock();
            try {
                return change.call();
            } finally {
                roleLock.writeLock().unlock();
            }
        }, true));
    }

    private void blocking(RoutingContext ctx, Callable<Reply> work) {
        respond(ctx, vertx.executeBlocking(work, false));
    }

    private void respond(RoutingContext ctx, Future<Reply> reply) {
        reply.onComplete(ar -> {
            if (ar.succeeded()) {
                send(ctx, ar.result().status, ar.result().body);
            } else {
                LOG.warn("{}: {} {} failed", region, ctx.request().method(), ctx.request().path(), ar.cause());
                fail(ctx, 503, region + " could not serve the request: " + ar.cause().getMessage());
            }
        });
    }

    private Long epochField(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return null;
        }
        Object value = body.getValue("epoch");
        if (!(value instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
            fail(ctx, 400, "field 'epoch': expected a positive integer, got " + quoted(value));
            return null;
        }
        return n.longValue();
    }

    private JsonObject jsonBody(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                fail(ctx, 400, "body: expected a JSON object, got nothing");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            fail(ctx, 400, "body: expected a JSON object: " + e.getMessage());
            return null;
        }
    }

    private static void fail(RoutingContext ctx, int status, String error) {
        send(ctx, status, new JsonObject().put("error", error).put("status", status));
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static String quoted(Object value) {
        return value == null ? "nothing" : value instanceof String s ? "'" + abbreviate(s) + "'" : value.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** An HTTP answer made off the event loop. */
    private static final class Reply {
        final int status;
        final JsonObject body;
        boolean stale;

        Reply(int status, JsonObject body) {
            this.status = status;
            this.body = body;
        }

        static Reply error(int status, String error) {
            return new Reply(status, new JsonObject().put("error", error).put("status", status));
        }

        Reply with(String key, Object value) {
            body.put(key, value);
            return this;
        }
    }
}
