package io.firedrill.orchestrator.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: every error body is {@code {"error", "status"}}
 * (plus {@code problems} where validation found several). Unexpected exceptions are logged once, here,
 * and answered with a 500 that does not leak internals.
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final long bodyLimit;

    public ApiErrors(long bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    public void install(Router router) {
        router.route().failureHandler(this::onFailure);
        router.errorHandler(404, ctx -> send(ctx, 404,
                "no such route: " + ctx.request().method() + " " + ctx.request().path()));
        router.errorHandler(405, ctx -> send(ctx, 405,
                "method " + ctx.request().method() + " not allowed on " + ctx.request().path()));
        router.errorHandler(413, ctx -> send(ctx, 413,
                "request body too large: the limit is " + bodyLimit + " bytes"));
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ValidationFailed v) {
            Map<String, Object> body = body(v.getMessage(), v.status());
            body.put("problems", v.problems());
            Json.reply(ctx, v.status(), body);
        } else if (failure instanceof ApiException e) {
            send(ctx, e.status(), e.getMessage());
        } else if (failure == null && ctx.statusCode() == 413) {
            send(ctx, 413, "request body too large: the limit is " + bodyLimit + " bytes");
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            send(ctx, ctx.statusCode(), "request refused (" + ctx.statusCode() + ")");
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "internal error; see the orchestrator log");
        }
    }

    private static void send(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended()) {
            return;
        }
        Json.reply(ctx, status, body(message, status));
    }

    private static Map<String, Object> body(String message, int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        return body;
    }
}
