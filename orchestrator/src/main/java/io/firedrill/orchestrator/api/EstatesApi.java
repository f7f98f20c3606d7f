package io.firedrill.orchestrator.api;

import io.firedrill.model.Estate;
import io.firedrill.model.Region;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.Problem;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.EstateStore;
import io.firedrill.orchestrator.store.StoredEstate;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/estates}: an SRE team registers its estate once and points many experiments at it by
 * name ({@code estate: payments-prod}). The catalog's estates are listed too, read-only.
 *
 * <p>Stored experiments must keep loading: an estate they use cannot be deleted, and a replacement
 * is refused when it would break one of them (a region they name dropped, say). Each such check runs
 * with its write under {@link EstateReferences#exclusively}, so no experiment slips in between.
 */
public final class EstatesApi {
    private static final String BASE = "/api/v1/estates";

    private final Vertx vertx;
    private final EstateStore store;
    private final EstateReferences references;
    private final ExperimentDocuments documents;

    public EstatesApi(Vertx vertx, EstateStore store, EstateReferences references) {
        this.vertx = vertx;
        this.store = store;
        this.references = references;
        this.documents = new ExperimentDocuments(references.resolver());
    }

    public void mount(Router router) {
        router.post(BASE + "/validate").handler(this::validate);
        router.post(BASE).handler(this::create);
        router.get(BASE).handler(this::list);
        router.get(BASE + "/:name").handler(this::get);
        router.put(BASE + "/:name").handler(this::replace);
        router.delete(BASE + "/:name").handler(this::delete);
    }

    /** One estate as the API shows it; a built-in one has no stored times. */
    private record Entry(String name, boolean builtIn, String format, Source source, Instant createdAt,
                         Instant updatedAt) {
        static Entry of(StoredEstate s) {
            return new Entry(s.name(), false, s.format(), ExperimentDocuments.source(s), s.createdAt(), s.updatedAt());
        }

        static Entry builtIn(String name, Source source) {
            return new Entry(name, true, "yaml", source, null, null);
        }
    }

    private void validate(RoutingContext ctx) {
        ExperimentDocuments.Submitted doc = ExperimentDocuments.read(ctx, "estate");
        Json.replyFrom(vertx, ctx, 200, () -> ExperimentDocuments.validation(documents.loadEstate(doc)));
    }

    private void create(RoutingContext ctx) {
        ExperimentDocuments.Submitted doc = ExperimentDocuments.read(ctx, "estate");
        vertx.executeBlocking(() -> {
                    Estate estate = valid(doc);
                    if (BuiltInEstates.contains(estate.name())) {
                        throw ApiException.conflict("estate '" + estate.name()
                                + "' is a built-in estate; choose another name");
                    }
                    try {
                        Map<String, Object> body =
                                view(Entry.of(store.create(estate.name(), doc.format(), doc.text())), estate, true);
                        body.put("usedBy", List.of()); // nothing can name an estate before it exists
                        return body;
                    } catch (DuplicateException e) {
                        throw ApiException.conflict("estate '" + estate.name() + "' already exists; replace it with PUT "
                                + BASE + "/" + estate.name() + " or choose another name");
                    }
                })
                .onSuccess(body -> {
                    ctx.response().putHeader("Location", BASE + "/" + body.get("name"));
                    Json.reply(ctx, 201, body);
                })
                .onFailure(ctx::fail);
    }

    /** Built-in and registered estates together, by name, each with its region names. */
    private void list(RoutingContext ctx) {
        Json.replyFrom(vertx, ctx, 200, () -> {
            List<Entry> entries = new ArrayList<>();
            BuiltInEstates.all().forEach((n, source) -> entries.add(Entry.builtIn(n, source)));
            store.list().forEach(s -> entries.add(Entry.of(s)));
            entries.sort(Comparator.comparing(Entry::name));
            return entries.stream().map(e -> view(e, model(e), false)).toList();
        });
    }

    private void get(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Json.replyFrom(vertx, ctx, 200, () -> {
            Entry entry = find(name);
            Map<String, Object> body = view(entry, model(entry), true);
            body.put("usedBy", references.usersOf(name));
            return body;
        });
    }

    /**
     * Replaces a registered estate. The document must be a valid estate of the same name, and every
     * stored experiment that loads with the current version must still load with the new one.
     */
    private void replace(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        refuseBuiltIn(name);
        ExperimentDocuments.Submitted doc = ExperimentDocuments.read(ctx, "estate");
        Json.replyFrom(vertx, ctx, 200, () -> references.exclusively(() -> {
            store.find(name).orElseThrow(() -> missing(name));
            Estate estate = valid(doc);
            ExperimentDocuments.requireSameName("estate", estate.name(), name);
            Map<String, List<Problem>> broken =
                    references.brokenBy(name, Source.text(name + "." + doc.format(), doc.text()));
            if (!broken.isEmpty()) {
                throw wouldBreak(name, broken);
            }
            if (!store.replace(name, doc.format(), doc.text())) {
                throw missing(name);
            }
            Entry replaced = Entry.of(store.find(name).orElseThrow(() -> missing(name)));
            Map<String, Object> body = view(replaced, estate, true);
            body.put("usedBy", references.usersOf(name));
            return body;
        }));
    }

    private void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        refuseBuiltIn(name);
        Json.replyDeleted(vertx, ctx, () -> references.exclusively(() -> {
            store.find(name).orElseThrow(() -> missing(name));
            List<String> users = references.usersOf(name);
            if (!users.isEmpty()) {
                throw ApiException.conflict("estate '" + name + "' is used by experiments "
                        + String.join(", ", users) + "; delete or change them first");
            }
            return store.delete(name);
        }), () -> missing(name));
    }

    private Estate valid(ExperimentDocuments.Submitted doc) {
        Loaded<Estate> loaded = documents.loadEstate(doc);
        return loaded.value().orElseThrow(() -> ExperimentDocuments.invalid("estate", loaded));
    }

    private Entry find(String name) {
        return BuiltInEstates.find(name)
                .map(source -> Entry.builtIn(name, source))
                .orElseGet(() -> Entry.of(store.find(name).orElseThrow(() -> missing(name))));
    }

    /** Null when the stored text no longer loads (the rules grew stricter since it was stored). */
    private Estate model(Entry entry) {
        return documents.loadEstate(entry.source()).value().orElse(null);
    }

    /** On the event loop: it needs no database, and a refusal should not wait for a worker. */
    private static void refuseBuiltIn(String name) {
        if (BuiltInEstates.contains(name)) {
            throw ApiException.conflict("built-in estate '" + name + "' cannot be changed");
        }
    }

    private static ApiException missing(String name) {
        return ApiException.notFound("no estate named '" + name + "'");
    }

    /** The 409 of a replacement that stored experiments would not load with: each one and its problems. */
    private static ValidationFailed wouldBreak(String name, Map<String, List<Problem>> broken) {
        String which = broken.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().size() + (e.getValue().size() == 1 ? " problem)" : " problems)"))
                .collect(Collectors.joining(", "));
        Problem first = broken.values().iterator().next().get(0);
        return new ValidationFailed(409, "estate '" + name + "' not replaced: experiments " + which
                + " would no longer be valid; change them first or keep what they use. The first: " + first.format(),
                broken.values().stream().flatMap(List::stream).toList());
    }

    private static Map<String, Object> view(Entry e, Estate model, boolean full) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", e.name());
        body.put("builtIn", e.builtIn());
        body.put("format", e.format());
        body.put("createdAt", e.createdAt());
        body.put("updatedAt", e.updatedAt());
        body.put("regions", model == null ? List.of() : model.regions().stream().map(Region::name).toList());
        if (full) {
            body.put("source", e.source().text());
        }
        if (full && model != null) {
            body.put("estate", ExperimentDocuments.toJsonTree(model));
        }
        return body;
    }
}
