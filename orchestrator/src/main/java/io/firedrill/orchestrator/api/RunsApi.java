package io.firedrill.orchestrator.api;

import io.firedrill.orchestrator.store.RunStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/runs}: the runs of experiments, newest first. Read-only until the run engine starts runs. */
public final class RunsApi {
    private final Vertx vertx;
    private final RunStore runs;

    public RunsApi(Vertx vertx, RunStore runs) {
        this.vertx = vertx;
        this.runs = runs;
    }

    public void mount(Router router) {
        router.get("/api/v1/runs").handler(this::list);
        router.get("/api/v1/runs/:id").handler(this::get);
    }

    private void list(RoutingContext ctx) {
        Json.replyFrom(vertx, ctx, 200, runs::list);
    }

    private void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Json.replyFrom(vertx, ctx, 200,
                () -> runs.find(id).orElseThrow(() -> ApiException.notFound("no run with id '" + id + "'")));
    }
}
