package io.firedrill.orchestrator.agents;

import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.store.Enrollment;
import io.firedrill.orchestrator.store.EnrollmentStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/enrollments}: issue, list and revoke the per-region agent tokens. A token is shown once,
 * in the answer to the POST that created it; lists never carry tokens.
 */
final class EnrollmentRoutes {
    private static final Logger log = LoggerFactory.getLogger(EnrollmentRoutes.class);
    private static final String EXAMPLE = "{\"region\":\"eu-west\"}";

    private final Vertx vertx;
    private final EnrollmentStore enrollments;
    private final AgentRegistry registry;

    EnrollmentRoutes(Vertx vertx, EnrollmentStore enrollments, AgentRegistry registry) {
        this.vertx = vertx;
        this.enrollments = enrollments;
        this.registry = registry;
    }

    void mount(Router router) {
        // A server-wide BodyHandler may already have run; a second one sees that and passes on.
        router.post("/api/v1/enrollments").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(this::issue);
        router.get("/api/v1/enrollments").handler(this::list);
        router.delete("/api/v1/enrollments/:region").handler(this::revoke);
    }

    /** The answer to an enrollment: the only place the token ever appears. */
    record Issued(String region, String token, Instant createdAt) {}

    /** An enrollment as lists show it. */
    record Listed(String region, Instant createdAt) {}

    private void issue(RoutingContext ctx) {
        String region = regionFromBody(ctx);
        if (region == null) {
            return;
        }
        vertx.executeBlocking(() -> enrollments.issue(region), false).onComplete(e -> {
            log.info("issued a new agent token for region {}", region);
            ctx.response().putHeader("Location", "/api/v1/enrollments/" + region);
            Json.reply(ctx, 201, new Issued(e.region(), e.token(), e.createdAt()));
        }, ctx::fail);
    }

    private String regionFromBody(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body() == null ? null : ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            ctx.fail(ApiException.badRequest("request body must be a JSON object like " + EXAMPLE));
            return null;
        }
        Object region = body == null ? null : body.getValue("region");
        if (region == null) {
            ctx.fail(ApiException.badRequest("field 'region' is required, e.g. " + EXAMPLE));
            return null;
        }
        if (!(region instanceof String name) || !RegionNames.isValid(name)) {
            ctx.fail(ApiException.badRequest(RegionNames.problem("region", String.valueOf(region))));
            return null;
        }
        return name;
    }

    private void list(RoutingContext ctx) {
        vertx.executeBlocking(enrollments::list, false).onComplete(
                all -> Json.reply(ctx, 200, listed(all)),
                ctx::fail);
    }

    private static List<Listed> listed(List<Enrollment> all) {
        return all.stream().map(e -> new Listed(e.region(), e.createdAt())).toList();
    }

    private void revoke(RoutingContext ctx) {
        String region = ctx.pathParam("region");
        vertx.executeBlocking(() -> enrollments.revoke(region), false).onComplete(revoked -> {
            if (!revoked) {
                ctx.fail(ApiException.notFound("no enrollment for region '" + region + "'"));
                return;
            }
            log.info("revoked the agent token of region {}", region);
            // A revoked token must stop working now, not at the agent's next reconnect.
            registry.disconnect(region, 4002, "enrollment revoked");
            ctx.response().setStatusCode(204).end();
        }, ctx::fail);
    }
}
