package io.firedrill.orchestrator.api;

import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.run.RunFeed;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/v1/runs/{id}/live}: a run's events as Server-Sent Events. The stream replays what happened so far,
 * follows the run, and closes after its {@code end} event; a run that is not in flight gets {@code end} at once.
 * A browser that reconnects sends {@code Last-Event-ID} and gets only what it missed. A watcher that cannot keep up
 * is cut off rather than buffered without bound; its reconnect resumes where it was.
 */
final class LiveRunStream {
    private static final long KEEP_ALIVE_MS = 15_000;

    private final Vertx vertx;
    private final RunStore runs;
    private final RunEngine engine;

    LiveRunStream(Vertx vertx, RunStore runs, RunEngine engine) {
        this.vertx = vertx;
        this.runs = runs;
        this.engine = engine;
    }

    void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        long after = lastEventId(ctx);
        Context context = vertx.getOrCreateContext();
        vertx.executeBlocking(() -> runs.find(id)).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
                return;
            }
            RunRecord run = found.result().orElse(null);
            if (run == null) {
                ctx.fail(ApiException.notFound("no run with id '" + id + "'"));
                return;
            }
            HttpServerResponse response = ctx.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no");
            RunFeed feed = engine.feed(id).orElse(null);
            if (feed == null) {
                Map<String, Object> end = new LinkedHashMap<>();
                end.put("state", run.state());
                end.put("verdict", run.verdict());
                end.put("cause", run.cause());
                response.end("event: end\ndata: " + Json.write(end) + "\n\n");
                return;
            }
            follow(feed, after, response, context);
        });
    }

    private void follow(RunFeed feed, long after, HttpServerResponse response, Context context) {
        AtomicBoolean open = new AtomicBoolean(true);
        long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, t -> {
            if (open.get()) {
                response.write(": keep-alive\n\n");
            }
        });
        Runnable[] stop = new Runnable[1];
        Runnable close = () -> {
            if (open.compareAndSet(true, false)) {
                vertx.cancelTimer(keepAlive);
                if (stop[0] != null) {
                    stop[0].run();
                }
            }
        };
        response.closeHandler(v -> close.run());
        stop[0] = feed.watch(after, event -> context.runOnContext(v -> {
            if (!open.get()) {
                return;
            }
            if (response.writeQueueFull()) {
                close.run();
                response.reset();
                return;
            }
            String frame = "id: " + event.seq() + "\nevent: " + event.name() + "\ndata: " + event.json() + "\n\n";
            if (event.isEnd()) {
                close.run();
                response.end(frame);
            } else {
                response.write(frame);
            }
        }));
        if (!open.get()) {
            stop[0].run();
        }
    }

    private static long lastEventId(RoutingContext ctx) {
        String header = ctx.request().getHeader("Last-Event-ID");
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID: '" + header + "' is not an event id; expected the number "
                    + "of the last event received");
        }
    }
}
