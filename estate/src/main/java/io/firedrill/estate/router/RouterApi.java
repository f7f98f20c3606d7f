package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's HTTP surface: user traffic ({@code /records}), its own health and status, its event log,
 * run-time settings, and the operator's failover and failback. Every error answer is JSON {@code
 * {"error", "status"}}.
 */
final class RouterApi {
    private static final Logger LOG = LoggerFactory.getLogger(RouterApi.class);
    private static final long BODY_LIMIT = 1024 * 1024;

    private final RouterState state;
    private final Coordinator coordinator;
    private final HealthChecker health;
    private final Forwarder forwarder;
    private final EventLog events;

    RouterApi(RouterState state, Coordinator coordinator, HealthChecker health, Forwarder forwarder, EventLog events) {
        this.state = state;
        this.coordinator = coordinator;
        this.health = health;
        this.forwarder = forwarder;
        this.events = events;
    }

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.put("/records/:id").handler(forwarder::forward);
        router.get("/records/:id").handler(forwarder::forward);
        router.get("/records").handler(forwarder::forward);
        router.get("/health").handler(ctx -> send(ctx, 200, state.toJson()));
        router.get("/router/status").handler(ctx -> send(ctx, 200, state.toJson()));
        router.get("/router/events").handler(this::events);
        router.post("/router/settings").handler(this::settings);
        router.post("/failover").handler(this::failover);
        router.post("/failback").handler(this::failback);
        router.route().failureHandler(this::onFailure);
        router.errorHandler(404, ctx -> sendError(ctx, new ApiError(404,
                "no such endpoint: " + ctx.request().method() + " " + ctx.request().path())));
        router.errorHandler(405, ctx -> sendError(ctx, new ApiError(405,
                "method " + ctx.request().method() + " is not allowed on " + ctx.request().path())));
        router.errorHandler(413, ctx -> sendError(ctx, new ApiError(413,
                "request body too large: the limit is " + BODY_LIMIT + " bytes")));
        return router;
    }

    private void events(RoutingContext ctx) {
        long after = afterParameter(ctx.request().getParam("after"));
        JsonArray list = new JsonArray();
        events.after(after).forEach(event -> list.add(event.toJson()));
        send(ctx, 200, new JsonObject().put("events", list).put("lastSeq", events.lastSeq()));
    }

    private void settings(RoutingContext ctx) {
        SettingsChange change = SettingsChange.parse(jsonBody(ctx));
        boolean intervalChanged = change.healthInterval() != null
                && !change.healthInterval().equals(state.healthInterval());
        List<String> changes = change.applyTo(state);
        if (!changes.isEmpty()) {
            events.append(EventType.SETTINGS_CHANGED, null, state.epoch(), change.actor(), String.join("; ", changes));
        }
        if (intervalChanged) {
            health.start();
        }
        coordinator.reconcile();
        send(ctx, 200, state.toJson());
    }

    private void failover(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        requireOnly(body, Set.of("to", "actor", "reason"));
        reply(ctx, coordinator.operatorFailover(optionalText(body, "to"), actor(body), optionalText(body, "reason")));
    }

    private void failback(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        requireOnly(body, Set.of("switchBack", "actor", "reason"));
        Object switchBack = body.getValue("switchBack", Boolean.TRUE);
        if (!(switchBack instanceof Boolean flag)) {
            throw ApiError.badRequest("field 'switchBack': expected true or false, got " + SettingsChange.show(switchBack));
        }
        reply(ctx, coordinator.failback(flag, actor(body)));
    }

    private void reply(RoutingContext ctx, Future<JsonObject> outcome) {
        outcome.onSuccess(status -> send(ctx, 200, status)).onFailure(ctx::fail);
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError error) {
            sendError(ctx, error);
        } else if (failure == null && ctx.statusCode() == 413) {
            sendError(ctx, new ApiError(413, "request body too large: the limit is " + BODY_LIMIT + " bytes"));
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            sendError(ctx, new ApiError(ctx.statusCode(), "request refused (" + ctx.statusCode() + ")"));
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            sendError(ctx, new ApiError(500, "internal error: " + (failure == null ? "unknown"
                    : CallFailure.describe(failure)) + "; see the router log"));
        }
    }

    private static long afterParameter(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long after = Long.parseLong(text.strip());
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiError.badRequest("query parameter 'after': expected a sequence number of 0 or more, got '" + text + "'");
    }

    private static JsonObject jsonBody(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.toString().isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(body);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("the body must be a JSON object: " + CallFailure.describe(e));
        }
    }

    private static void requireOnly(JsonObject body, Set<String> allowed) {
        for (String field : body.fieldNames()) {
            if (!allowed.contains(field)) {
                throw ApiError.badRequest("field '" + field + "' is not accepted here; fields are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static String optionalText(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        throw ApiError.badRequest("field '" + field + "': expected a non-empty string, got " + SettingsChange.show(value));
    }

    private static String actor(JsonObject body) {
        String actor = optionalText(body, "actor");
        return actor == null ? "operator" : actor;
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }

    private static void sendError(RoutingContext ctx, ApiError error) {
        send(ctx, error.status(), error.toJson());
    }
}
