package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.schedule.FreezeWindowRequest;
import io.firedrill.orchestrator.schedule.FreezeWindows;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/freeze-windows}: periods in which no scheduled game day starts (a fire inside one is recorded as
 * blocked, naming the window). Dates (from, to), a weekly range in a zone, or holidays in a zone; {@code check}
 * says which windows cover an instant. Runs started by hand are not blocked by them.
 */
public final class FreezeWindowsApi {
    private static final List<String> FIELDS = List.of("name", "timeZone", "weekly", "from", "to", "holidays",
            "reason");

    private final Vertx vertx;
    private final FreezeWindows windows;
    private final Clock clock;

    public FreezeWindowsApi(Vertx vertx, FreezeWindows windows, Clock clock) {
        this.vertx = vertx;
        this.windows = windows;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/v1/freeze-windows").handler(this::create);
        router.get("/api/v1/freeze-windows").handler(this::list);
        router.get("/api/v1/freeze-windows/check").handler(this::check);
        router.delete("/api/v1/freeze-windows/:name").handler(this::delete);
    }

    private void create(RoutingContext ctx) {
        ObjectNode body = RequestBodies.object(ctx, "freeze window", FIELDS);
        FreezeWindowRequest request = new FreezeWindowRequest(RequestBodies.text(body, "name"),
                RequestBodies.text(body, "timeZone"), RequestBodies.text(body, "weekly"),
                RequestBodies.text(body, "from"), RequestBodies.text(body, "to"),
                RequestBodies.texts(body, "holidays"), RequestBodies.text(body, "reason"));
        String actor = Actors.of(ctx);
        vertx.executeBlocking(() -> RequestBodies.refusalsAsApiErrors(() -> windows.create(request, actor)))
                .onSuccess(view -> {
                    ctx.response().putHeader("Location", "/api/v1/freeze-windows/" + view.name());
                    Json.reply(ctx, 201, view);
                })
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Json.replyFrom(vertx, ctx, 200, windows::list);
    }

    /** {@code ?at=ISO} (default now): whether a game day starting then would be blocked, and by which windows. */
    private void check(RoutingContext ctx) {
        String text = ctx.queryParam("at").stream().findFirst().orElse(null);
        Instant at = text == null ? clock.instant() : instant(text);
        Json.replyFrom(vertx, ctx, 200, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            var covering = windows.viewsCovering(at);
            body.put("at", at);
            body.put("frozen", !covering.isEmpty());
            body.put("windows", covering);
            return body;
        });
    }

    private void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String actor = Actors.of(ctx);
        Json.replyDeleted(vertx, ctx, () -> windows.delete(name, actor),
                () -> ApiException.notFound("no freeze window named '" + name + "'"));
    }

    private static Instant instant(String text) {
        try {
            // a '+' of an offset sent unencoded arrives as a space
            return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("at '" + text + "': not an ISO instant; expected e.g. 2026-12-24T18:00:00Z"
                    + " or 2026-12-24T19:00:00+01:00");
        }
    }
}
