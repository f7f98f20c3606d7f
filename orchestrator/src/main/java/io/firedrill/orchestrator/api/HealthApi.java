package io.firedrill.orchestrator.api;

import io.firedrill.build.BuildInfo;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/** {@code GET /api/v1/health}: is the orchestrator up, on which database, with how many agents online. */
public final class HealthApi {
    private final Clock clock;
    private final Instant startedAt;
    private final String database;
    private final IntSupplier agentsOnline;

    public HealthApi(Clock clock, String database, IntSupplier agentsOnline) {
        this.clock = clock;
        this.startedAt = clock.instant();
        this.database = database;
        this.agentsOnline = agentsOnline;
    }

    public void mount(Router router) {
        router.get("/api/v1/health").handler(this::health);
    }

    private void health(RoutingContext ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", BuildInfo.version());
        body.put("database", database);
        body.put("startedAt", startedAt);
        body.put("uptimeSeconds", Duration.between(startedAt, clock.instant()).toSeconds());
        body.put("agentsOnline", agentsOnline.getAsInt());
        Json.reply(ctx, 200, body);
    }
}
