package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.schedule.GameDays;
import io.firedrill.orchestrator.schedule.ScheduleRequest;
import io.firedrill.orchestrator.schedule.ScheduleView;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/schedules}: game days on a calendar. A schedule runs a stored experiment by cron (in its time zone)
 * or once at an instant; each fire is recorded with what it did (started a run, blocked by a freeze window or a
 * HALT, failed). Every change records its actor. Quartz and the stores block, so every handler works on a worker.
 */
public final class SchedulesApi {
    private static final List<String> FIELDS = List.of("name", "experiment", "cron", "at", "timeZone");
    private static final int DEFAULT_FIRES = 50;
    private static final int MAX_FIRES = 1000;

    private final Vertx vertx;
    private final GameDays gameDays;

    public SchedulesApi(Vertx vertx, GameDays gameDays) {
        this.vertx = vertx;
        this.gameDays = gameDays;
    }

    public void mount(Router router) {
        router.post("/api/v1/schedules").handler(this::create);
        router.get("/api/v1/schedules").handler(this::list);
        router.get("/api/v1/schedules/:name").handler(this::get);
        router.delete("/api/v1/schedules/:name").handler(this::delete);
        router.post("/api/v1/schedules/:name/pause").handler(this::pause);
        router.post("/api/v1/schedules/:name/resume").handler(this::resume);
        router.get("/api/v1/schedules/:name/fires").handler(this::fires);
    }

    private void create(RoutingContext ctx) {
        ObjectNode body = RequestBodies.object(ctx, "schedule", FIELDS);
        ScheduleRequest request = new ScheduleRequest(RequestBodies.text(body, "name"),
                RequestBodies.text(body, "experiment"), RequestBodies.text(body, "cron"),
                RequestBodies.text(body, "at"), RequestBodies.text(body, "timeZone"));
        String actor = Actors.of(ctx);
        vertx.executeBlocking(() -> RequestBodies.refusalsAsApiErrors(() -> gameDays.create(request, actor)))
                .onSuccess(view -> {
                    ctx.response().putHeader("Location", "/api/v1/schedules/" + view.name());
                    Json.reply(ctx, 201, view);
                })
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Json.replyFrom(vertx, ctx, 200, gameDays::list);
    }

    private void get(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Json.replyFrom(vertx, ctx, 200, () -> found(name, gameDays.find(name)));
    }

    private void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String actor = Actors.of(ctx);
        Json.replyDeleted(vertx, ctx, () -> gameDays.delete(name, actor), () -> missing(name));
    }

    private void pause(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String actor = Actors.of(ctx);
        Json.replyFrom(vertx, ctx, 200, () -> found(name, gameDays.pause(name, actor)));
    }

    private void resume(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String actor = Actors.of(ctx);
        Json.replyFrom(vertx, ctx, 200, () -> found(name, gameDays.resume(name, actor)));
    }

    /** Newest first, {@code ?limit=} of them (default 50), since the schedule was created. */
    private void fires(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        int limit = limit(ctx.queryParam("limit").stream().findFirst().orElse(null));
        Json.replyFrom(vertx, ctx, 200, () -> gameDays.fires(name, limit).orElseThrow(() -> missing(name)));
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_FIRES;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_FIRES) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit '" + value + "': expected a whole number from 1 to " + MAX_FIRES);
    }

    private static ScheduleView found(String name, Optional<ScheduleView> view) {
        return view.orElseThrow(() -> missing(name));
    }

    private static ApiException missing(String name) {
        return ApiException.notFound("no schedule named '" + name + "'");
    }
}
