package io.firedrill.orchestrator.api;

import io.firedrill.model.Experiment;
import io.firedrill.model.load.Loaded;
import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.run.RunRefusedException;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import io.firedrill.orchestrator.store.StoredExperiment;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code /api/v1/runs}: start a run of an experiment (sent in the body, or stored, by name), follow its
 * transitions (or its live events as a stream), abort it, and fetch its artefacts.
 */
public final class RunsApi {
    private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");

    private final Vertx vertx;
    private final RunStore runs;
    private final ExperimentStore experiments;
    private final ExperimentDocuments documents;
    private final RunEngine engine;

    public RunsApi(Vertx vertx, RunStore runs, ExperimentStore experiments, EstateReferences references,
            RunEngine engine) {
        this.vertx = vertx;
        this.runs = runs;
        this.experiments = experiments;
        this.documents = new ExperimentDocuments(references.resolver());
        this.engine = engine;
    }

    public void mount(Router router) {
        router.post("/api/v1/runs").handler(this::start);
        router.get("/api/v1/runs").handler(this::list);
        router.get("/api/v1/runs/:id").handler(this::get);
        router.post("/api/v1/runs/:id/abort").handler(this::abort);
        router.get("/api/v1/runs/:id/artifacts/:name").handler(this::artifact);
        router.get("/api/v1/runs/:id/live").handler(new LiveRunStream(vertx, runs, engine)::handle);
    }

    /**
     * {@code POST /runs?experiment=NAME} runs a stored experiment; {@code POST /runs} with an experiment document
     * runs that document as sent. 202 with the run once it is recorded; the run goes on in the background.
     */
    private void start(RoutingContext ctx) {
        String stored = ctx.queryParam("experiment").stream().findFirst().orElse(null);
        ExperimentDocuments.Submitted doc = stored == null ? ExperimentDocuments.read(ctx, "experiment") : null;
        String actor = Actors.of(ctx);
        Json.replyFrom(vertx, ctx, 202, () -> {
            Experiment experiment;
            String source;
            if (stored != null) {
                StoredExperiment s = experiments.find(stored).orElseThrow(() -> ApiException.notFound(
                        "no experiment named '" + stored + "'"));
                Loaded<Experiment> loaded = documents.reload(s);
                experiment = loaded.value().orElseThrow(() -> ExperimentDocuments.invalid("experiment", loaded));
                source = s.source();
            } else {
                Loaded<Experiment> loaded = documents.load(doc);
                experiment = loaded.value().orElseThrow(() -> ExperimentDocuments.invalid("experiment", loaded));
                source = doc.text();
            }
            RunRecord run;
            try {
                run = engine.start(experiment, source, actor);
            } catch (RunRefusedException e) {
                throw ApiException.conflict(e.getMessage());
            }
            ctx.response().putHeader("Location", "/api/v1/runs/" + run.id());
            return run;
        });
    }

    private void list(RoutingContext ctx) {
        Json.replyFrom(vertx, ctx, 200, runs::list);
    }

    /** The run, its transitions in order, the artefacts written so far, and its verdicts once judged. */
    private void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Json.replyFrom(vertx, ctx, 200, () -> {
            RunRecord run = runs.find(id).orElseThrow(() -> missing(id));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("run", run);
            view.put("inFlight", engine.inFlight(id));
            view.put("transitions", runs.transitions(id));
            view.put("artifacts", artifacts(id));
            Path result = engine.runDir(id).resolve("result.json");
            if (Files.isRegularFile(result)) {
                view.put("result", Json.mapper().readTree(Files.readString(result)));
            }
            return view;
        });
    }

    private void abort(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String reason = ctx.queryParam("reason").stream().findFirst().orElse("aborted through the API");
        Json.replyFrom(vertx, ctx, 202, () -> {
            RunRecord run = runs.find(id).orElseThrow(() -> missing(id));
            if (!engine.abort(id, reason)) {
                throw ApiException.conflict("run '" + id + "' is not in flight (state " + run.state() + ")");
            }
            return Map.of("id", id, "aborting", true, "reason", reason);
        });
    }

    private void artifact(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("name");
        vertx.executeBlocking(() -> {
            runs.find(id).orElseThrow(() -> missing(id));
            if (!ARTIFACT.matcher(name).matches()) {
                throw ApiException.badRequest("artifact name '" + name + "': expected a file name such as history.jsonl");
            }
            Path file = engine.runDir(id).resolve(name);
            if (!Files.isRegularFile(file)) {
                throw ApiException.notFound("run '" + id + "' has no artifact '" + name + "'; it has " + artifacts(id));
            }
            return file;
        }).onSuccess(file -> ctx.response()
                .putHeader("Content-Type", name.endsWith(".json") ? "application/json"
                        : name.endsWith(".jsonl") ? "application/x-ndjson" : "application/octet-stream")
                .sendFile(file.toString()))
                .onFailure(ctx::fail);
    }

    private List<String> artifacts(String id) throws IOException {
        Path dir = engine.runDir(id);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static ApiException missing(String id) {
        return ApiException.notFound("no run with id '" + id + "'");
    }
}
