package io.firedrill.orchestrator.rehearsal;

import io.firedrill.orchestrator.api.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/runs/{id}/steps}: the runbook steps of a game-day run, and people starting, completing and skipping
 * them. Any authenticated user may call these (AccessPolicy lets every role through); whether they may act on a step
 * is their role in the game day, checked here. A completed step whose http action failed stays completed: the answer
 * is a 502 that says so and carries the step, with the action's outcome.
 */
public final class StepsApi {
    private final Vertx vertx;
    private final RehearsalService service;

    public StepsApi(Vertx vertx, RehearsalService service) {
        this.vertx = vertx;
        this.service = service;
    }

    public void mount(Router router) {
        router.get("/api/v1/runs/:id/steps").handler(ctx -> Json.replyFrom(vertx, ctx, 200,
                () -> service.steps(ctx.pathParam("id"))));
        router.post("/api/v1/runs/:id/steps/:step/start").handler(ctx -> act(ctx, Act.START));
        router.post("/api/v1/runs/:id/steps/:step/complete").handler(ctx -> act(ctx, Act.COMPLETE));
        router.post("/api/v1/runs/:id/steps/:step/skip").handler(ctx -> act(ctx, Act.SKIP));
    }

    private void act(RoutingContext ctx, Act act) {
        Bodies.StepBody body = Bodies.step(ctx);
        String user = GameDaysApi.actor(ctx);
        String run = ctx.pathParam("id");
        String step = ctx.pathParam("step");
        vertx.executeBlocking(() -> service.act(run, step, act, user, body.note(), body.evidence()))
                .onSuccess(acted -> {
                    if (acted.action() == null || acted.action().ok()) {
                        Json.reply(ctx, 200, acted.step());
                        return;
                    }
                    Map<String, Object> failed = new LinkedHashMap<>();
                    failed.put("error", "step " + step + " is completed by " + user + ", but its action failed: "
                            + acted.action().detail());
                    failed.put("status", 502);
                    failed.put("step", acted.step());
                    Json.reply(ctx, 502, failed);
                })
                .onFailure(ctx::fail);
    }
}
