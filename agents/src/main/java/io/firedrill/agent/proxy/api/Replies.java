package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.ProxyException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writing responses, and the one place where failures become HTTP errors: every error body is
 * {@code {"error","status"}}, with the status a {@link ProxyException} carries. Anything else is a bug,
 * logged once here and answered 500.
 */
final class Replies {
    static final String REQUEST_ID = "X-Toxiproxy-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private Replies() {}

    static void install(Router router) {
        router.route().failureHandler(Replies::onFailure);
        router.errorHandler(404, ctx -> error(ctx, 404,
                "no such route: " + ctx.request().method() + " " + ctx.request().path()));
        router.errorHandler(405, ctx -> error(ctx, 405,
                "method " + ctx.request().method() + " not allowed on " + ctx.request().path()));
        router.errorHandler(500, Replies::onFailure);
    }

    static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }

    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, ApiJson.error(message, status));
    }

    /**
     * Replies once the registry's future completes, back on the request's own event loop (the future may
     * complete on a proxy's).
     */
    static <T> void whenDone(RoutingContext ctx, Future<T> work, Consumer<T> onSuccess) {
        Context here = Vertx.currentContext();
        work.onComplete(ar -> {
            Runnable reply = () -> {
                if (ar.succeeded()) {
                    onSuccess.accept(ar.result());
                } else {
                    ctx.fail(ar.cause());
                }
            };
            if (here == null) {
                reply.run();
            } else {
                here.runOnContext(v -> reply.run());
            }
        });
    }

    private static void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ProxyException p) {
            LOG.debug("{} {} refused: {} {}", ctx.request().method(), ctx.request().path(), p.status(), p.getMessage());
            error(ctx, p.status(), p.getMessage());
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            error(ctx, ctx.statusCode(), "request refused (" + ctx.statusCode() + ")");
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            error(ctx, 500, "internal error" + (failure == null ? "" : " (" + failure.getClass().getSimpleName() + ")")
                    + "; see the proxy server's log");
        }
    }
}
