package io.firedrill.orchestrator.api;

import io.firedrill.model.Experiment;
import io.firedrill.model.ModelJson;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.store.StoredExperiment;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * Reads experiment documents out of requests and validates them. Estates are inline or named from the
 * built-in catalog (e.g. {@code estate: reference-estate.yaml}); the API has no file system to resolve
 * other paths against.
 */
final class ExperimentDocuments {
    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", "text/plain");
    private static final String JSON_TYPE = "application/json";

    // Only the catalog: a document sent over HTTP must not make the orchestrator read its own files.
    private final ModelLoader loader = new ModelLoader(ClasspathEstateResolver.catalog());

    /** A submitted document: its display name in problems, {@code yaml} or {@code json}, and its text. */
    record Submitted(String name, String format, String text) {}

    Submitted read(RoutingContext ctx) {
        String type = mediaType(ctx.request().getHeader("Content-Type"));
        String format;
        if (type == null) {
            format = looksLikeJson(ctx.body().asString()) ? "json" : "yaml";
        } else if (type.equals(JSON_TYPE)) {
            format = "json";
        } else if (YAML_TYPES.contains(type)) {
            format = "yaml";
        } else {
            throw new ApiException(415, "unsupported Content-Type '" + type
                    + "'; expected application/yaml or application/json");
        }
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("request body is empty; expected an experiment document in YAML or JSON");
        }
        String name = ctx.queryParam("filename").stream().findFirst().orElse("request." + format);
        return new Submitted(name, format, text);
    }

    Loaded<Experiment> load(Submitted doc) {
        return loader.loadExperiment(Source.text(doc.name(), doc.text()));
    }

    Loaded<Experiment> reload(StoredExperiment stored) {
        return loader.loadExperiment(Source.text(stored.name() + "." + stored.format(), stored.source()));
    }

    static Object toJsonTree(Experiment experiment) {
        return ModelJson.toTree(experiment);
    }

    private static String mediaType(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeJson(String text) {
        return text != null && text.stripLeading().startsWith("{");
    }
}
