package io.firedrill.orchestrator.rehearsal;

import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.identity.Authentication;
import io.firedrill.orchestrator.store.User;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/gamedays}: game days (stored experiments, a runbook, participants with roles) and the runs they
 * start, whose runbook steps people then act on under {@code /api/v1/runs/{id}/steps}.
 */
public final class GameDaysApi {
    private final Vertx vertx;
    private final GameDayService service;

    public GameDaysApi(Vertx vertx, GameDayService service) {
        this.vertx = vertx;
        this.service = service;
    }

    public void mount(Router router) {
        router.post("/api/v1/gamedays").handler(this::create);
        router.get("/api/v1/gamedays").handler(ctx -> Json.replyFrom(vertx, ctx, 200, service::list));
        router.get("/api/v1/gamedays/:name").handler(ctx -> Json.replyFrom(vertx, ctx, 200,
                () -> service.get(ctx.pathParam("name"))));
        router.delete("/api/v1/gamedays/:name").handler(ctx -> vertx.executeBlocking(() -> {
            service.delete(ctx.pathParam("name"));
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
        router.post("/api/v1/gamedays/:name/runs").handler(this::start);
    }

    private void create(RoutingContext ctx) {
        GameDayRequests.Request request = Bodies.gameDay(ctx);
        String actor = actor(ctx);
        Json.replyFrom(vertx, ctx, 201, () -> {
            GameDayView created = service.create(request, actor);
            ctx.response().putHeader("Location", "/api/v1/gamedays/" + created.name());
            return created;
        });
    }

    /** 202 once the run is recorded with its rehearsal; the run goes on in the background, as {@code POST /runs}. */
    private void start(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String experiment = ctx.queryParam("experiment").stream().findFirst().orElse(null);
        String actor = actor(ctx);
        Json.replyFrom(vertx, ctx, 202, () -> {
            GameDayView.Started started = service.start(name, experiment, actor);
            ctx.response().putHeader("Location", "/api/v1/runs/" + started.id());
            return started;
        });
    }

    static String actor(RoutingContext ctx) {
        return Authentication.caller(ctx).map(User::name).orElse("api");
    }
}
