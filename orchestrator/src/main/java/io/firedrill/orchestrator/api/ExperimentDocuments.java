package io.firedrill.orchestrator.api;

import io.firedrill.model.Document;
import io.firedrill.model.Estate;
import io.firedrill.model.Experiment;
import io.firedrill.model.ModelJson;
import io.firedrill.model.load.EstateResolver;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.store.StoredEstate;
import io.firedrill.orchestrator.store.StoredExperiment;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads experiment and estate documents out of requests and validates them. An experiment's estate is
 * inline, a registered or built-in estate by name ({@code estate: payments-prod}), or a catalog file
 * ({@code estate: reference-estate.yaml}), as the resolver given here decides; the API has no file
 * system to resolve other paths against. Loading may read estates from the database: call it on a worker.
 */
final class ExperimentDocuments {
    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml",
            "text/x-yaml", "text/plain");
    private static final String JSON_TYPE = "application/json";

    private final ModelLoader loader;

    /** @param resolver never one that reads files: a document sent over HTTP must not make the server read its own */
    ExperimentDocuments(EstateResolver resolver) {
        this.loader = new ModelLoader(resolver);
    }

    /** A submitted document: its display name in problems, {@code yaml} or {@code json}, and its text. */
    record Submitted(String name, String format, String text) {}

    /** The request body; {@code kind} ("experiment", "estate") words the error for an empty one. */
    static Submitted read(RoutingContext ctx, String kind) {
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
            throw ApiException.badRequest("request body is empty; expected an " + kind + " document in YAML or JSON");
        }
        String name = ctx.queryParam("filename").stream().findFirst().orElse("request." + format);
        return new Submitted(name, format, text);
    }

    Loaded<Experiment> load(Submitted doc) {
        return loader.loadExperiment(Source.text(doc.name(), doc.text()));
    }

    Loaded<Experiment> reload(StoredExperiment stored) {
        return loader.loadExperiment(source(stored));
    }

    Loaded<Estate> loadEstate(Submitted doc) {
        return loadEstate(Source.text(doc.name(), doc.text()));
    }

    Loaded<Estate> loadEstate(Source source) {
        return loader.loadEstate(source);
    }

    /** How a stored experiment is named in problems: {@code <name>.<format>}, as if it were a file. */
    static Source source(StoredExperiment stored) {
        return Source.text(stored.name() + "." + stored.format(), stored.source());
    }

    /** How a stored estate is named in problems: {@code <name>.<format>}. */
    static Source source(StoredEstate stored) {
        return Source.text(stored.name() + "." + stored.format(), stored.source());
    }

    /** The 400 for a document with problems: a summary naming the first, and every problem. */
    /** The answer to a validate call: 200 whether or not the document is valid; it is a question, not a write. */
    static Map<String, Object> validation(Loaded<?> loaded) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", loaded.ok());
        body.put("problems", loaded.problems());
        return body;
    }

    /** A PUT replaces what is at its path; a document naming something else would be a rename in disguise. */
    static void requireSameName(String kind, String inDocument, String inPath) {
        if (!inDocument.equals(inPath)) {
            throw ApiException.badRequest("the document names " + kind + " '" + inDocument + "' but the path names '"
                    + inPath + "'; a PUT replaces the " + kind + " at its path and cannot rename it");
        }
    }

    static ValidationFailed invalid(String kind, Loaded<?> loaded) {
        return new ValidationFailed(kind + " is not valid: " + loaded.problems().size() + " problem(s); the first: "
                + loaded.problems().get(0).format(), loaded.problems());
    }

    static Object toJsonTree(Document document) {
        return ModelJson.toTree(document);
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
