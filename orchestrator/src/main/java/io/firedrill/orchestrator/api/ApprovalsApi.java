package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.Durations;
import io.firedrill.model.Experiment;
import io.firedrill.model.load.Loaded;
import io.firedrill.orchestrator.store.ApprovalStore;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.StoredExperiment;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code /api/v1/approvals}: runs on a production estate need a second person's yes. An operator requests an
 * approval of a stored experiment with a reason; someone else with role approver approves or rejects it; an approved
 * approval lets one run start before it expires (the run's preflight takes it). Every request and decision is kept.
 */
public final class ApprovalsApi {
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);
    static final Duration MAX_VALIDITY = Duration.ofDays(30);

    private final Vertx vertx;
    private final ApprovalStore approvals;
    private final ExperimentStore experiments;
    private final ExperimentDocuments documents;
    private final Clock clock;

    public ApprovalsApi(Vertx vertx, ApprovalStore approvals, ExperimentStore experiments, EstateReferences references,
            Clock clock) {
        this.vertx = vertx;
        this.approvals = approvals;
        this.experiments = experiments;
        this.documents = new ExperimentDocuments(references.resolver());
        this.clock = clock;
    }

    public void mount(Router router) {
        router.post("/api/v1/approvals").handler(this::request);
        router.get("/api/v1/approvals").handler(ctx -> {
            String state = ctx.queryParam("state").stream().findFirst().orElse(null);
            Json.replyFrom(vertx, ctx, 200, () -> approvals.list(state));
        });
        router.get("/api/v1/approvals/:id").handler(ctx -> Json.replyFrom(vertx, ctx, 200, () -> approvals
                .find(ctx.pathParam("id")).orElseThrow(() -> missing(ctx.pathParam("id")))));
        router.post("/api/v1/approvals/:id/approve").handler(ctx -> decide(ctx, true));
        router.post("/api/v1/approvals/:id/reject").handler(ctx -> decide(ctx, false));
    }

    private void request(RoutingContext ctx) {
        JsonNode body = JsonBodies.object(ctx);
        String name = JsonBodies.text(body, "experiment");
        String reason = JsonBodies.text(body, "reason");
        Duration validFor = validity(JsonBodies.optionalText(body, "validFor"));
        String actor = Actors.of(ctx);
        Json.replyFrom(vertx, ctx, 201, () -> {
            StoredExperiment stored = experiments.find(name).orElseThrow(() -> ApiException.badRequest(
                    "experiment: no stored experiment named '" + name + "'"));
            Loaded<Experiment> loaded = documents.reload(stored);
            Experiment experiment = loaded.value().orElseThrow(() -> ExperimentDocuments.invalid("experiment", loaded));
            if (!experiment.estate().production()) {
                throw ApiException.badRequest("experiment: '" + name + "' runs on estate '" + experiment.estate().name()
                        + "', which is not production (production: false); its runs need no approval");
            }
            return approvals.request(name, experiment.estate().name(), actor, reason, clock.instant().plus(validFor));
        });
    }

    private void decide(RoutingContext ctx, boolean approve) {
        String id = ctx.pathParam("id");
        String note = ctx.body() == null || ctx.body().asString() == null || ctx.body().asString().isBlank() ? null
                : JsonBodies.optionalText(JsonBodies.object(ctx), "note");
        if (!approve && (note == null || note.isBlank())) {
            throw ApiException.badRequest("note: a rejection needs a note saying why, e.g. {\"note\": \"not during the "
                    + "sale\"}");
        }
        String actor = Actors.of(ctx);
        Json.replyFrom(vertx, ctx, 200, () -> {
            try {
                return approvals.decide(id, actor, approve, note);
            } catch (IllegalArgumentException e) {
                throw missing(id);
            } catch (IllegalStateException e) {
                throw ApiException.conflict(e.getMessage());
            }
        });
    }

    private static Duration validity(String text) {
        if (text == null) {
            return DEFAULT_VALIDITY;
        }
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("validFor: " + e.getMessage());
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_VALIDITY) > 0) {
            throw ApiException.badRequest("validFor: '" + text + "' must be more than 0 and at most 30d");
        }
        return d;
    }

    private static ApiException missing(String id) {
        return ApiException.notFound("no approval with id '" + id + "'");
    }
}
