package io.firedrill.orchestrator.api;

import io.firedrill.model.Experiment;
import io.firedrill.model.load.Loaded;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.StoredExperiment;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/experiments}: create from YAML or JSON, list, get, replace, delete, validate.
 * A document is validated completely before anything is stored, so a bad one leaves no trace. Its
 * {@code estate} may name a registered estate; creating and replacing run under
 * {@link EstateReferences#exclusively}, so the estate cannot change between the check and the write.
 */
public final class ExperimentsApi {
    private final Vertx vertx;
    private final ExperimentStore store;
    private final EstateReferences references;
    private final ExperimentDocuments documents;

    public ExperimentsApi(Vertx vertx, ExperimentStore store, EstateReferences references) {
        this.vertx = vertx;
        this.store = store;
        this.references = references;
        this.documents = new ExperimentDocuments(references.resolver());
    }

    public void mount(Router router) {
        router.post("/api/v1/experiments/validate").handler(this::validate);
        router.post("/api/v1/experiments").handler(this::create);
        router.get("/api/v1/experiments").handler(this::list);
        router.get("/api/v1/experiments/:name").handler(this::get);
        router.put("/api/v1/experiments/:name").handler(this::replace);
        router.delete("/api/v1/experiments/:name").handler(this::delete);
    }

    private void validate(RoutingContext ctx) {
        ExperimentDocuments.Submitted doc = ExperimentDocuments.read(ctx, "experiment");
        Json.replyFrom(vertx, ctx, 200, () -> ExperimentDocuments.validation(documents.load(doc)));
    }

    private void create(RoutingContext ctx) {
        ExperimentDocuments.Submitted doc = ExperimentDocuments.read(ctx, "experiment");
        vertx.executeBlocking(() -> references.exclusively(() -> {
                    Experiment experiment = valid(doc);
                    try {
                        StoredExperiment stored = store.create(experiment.name(), experiment.title(), doc.format(), doc.text());
                        return view(stored, experiment, false);
                    } catch (DuplicateException e) {
                        throw ApiException.conflict("experiment '" + experiment.name()
                                + "' already exists; delete it first or choose another name");
                    }
                }))
                .onSuccess(body -> {
                    ctx.response().putHeader("Location", "/api/v1/experiments/" + body.get("name"));
                    Json.reply(ctx, 201, body);
                })
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Json.replyFrom(vertx, ctx, 200, () -> store.list().stream().map(s -> view(s, null, false)).toList());
    }

    private void get(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Json.replyFrom(vertx, ctx, 200, () -> {
            StoredExperiment stored = store.find(name).orElseThrow(() -> missing(name));
            return view(stored, documents.reload(stored).value().orElse(null), true);
        });
    }

    /**
     * Replaces an experiment in place (what an editor saves): same name, new document. Nothing changes
     * unless the new document is valid and names the experiment of the path.
     */
    private void replace(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        ExperimentDocuments.Submitted doc = ExperimentDocuments.read(ctx, "experiment");
        Json.replyFrom(vertx, ctx, 200, () -> references.exclusively(() -> {
            store.find(name).orElseThrow(() -> missing(name));
            Experiment experiment = valid(doc);
            ExperimentDocuments.requireSameName("experiment", experiment.name(), name);
            if (!store.replace(name, experiment.title(), doc.format(), doc.text())) {
                throw missing(name);
            }
            return view(store.find(name).orElseThrow(() -> missing(name)), experiment, true);
        }));
    }

    private Experiment valid(ExperimentDocuments.Submitted doc) {
        Loaded<Experiment> loaded = documents.load(doc);
        return loaded.value().orElseThrow(() -> ExperimentDocuments.invalid("experiment", loaded));
    }

    private void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Json.replyDeleted(vertx, ctx, () -> store.delete(name), () -> missing(name));
    }

    private static ApiException missing(String name) {
        return ApiException.notFound("no experiment named '" + name + "'");
    }

    private static Map<String, Object> view(StoredExperiment s, Experiment model, boolean full) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", s.name());
        body.put("title", s.title());
        body.put("format", s.format());
        body.put("createdAt", s.createdAt());
        body.put("updatedAt", s.updatedAt());
        if (full) {
            body.put("source", s.source());
        }
        if (model != null) {
            body.put("experiment", ExperimentDocuments.toJsonTree(model));
        }
        return body;
    }
}
