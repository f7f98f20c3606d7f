package io.firedrill.orchestrator.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.ModelJson;
import io.firedrill.model.Runbook;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.Problem;
import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.api.ValidationFailed;
import io.firedrill.orchestrator.identity.Authentication;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.GameDayStore;
import io.firedrill.orchestrator.store.RunbookStore;
import io.firedrill.orchestrator.store.User;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/v1/runbooks}: the runbooks game days rehearse, built in or sent as Markdown. A runbook sent here is
 * checked as {@code firedrill validate} checks a file, against the stored experiments and the catalog, and refused
 * with every problem (line and column in the Markdown) when it has any.
 */
public final class RunbooksApi {
    private static final Set<String> TYPES = Set.of("text/markdown", "text/x-markdown", "text/plain");

    /** A runbook in lists; {@code problems} say why one cannot be used now (its experiments went away, say). */
    public record Summary(String id, String title, String owner, String version, List<String> experiments, int steps,
            boolean builtIn, boolean valid, List<Problem> problems, String createdBy, Instant createdAt) {}

    /** One runbook: the summary, the parsed model with its steps (null when invalid) and the Markdown. */
    public record Detail(Summary summary, JsonNode runbook, String source) {}

    private final Vertx vertx;
    private final Runbooks runbooks;
    private final RunbookStore store;
    private final GameDayStore days;

    public RunbooksApi(Vertx vertx, GameDayService gameDays, RunbookStore store, GameDayStore days) {
        this.vertx = vertx;
        this.runbooks = gameDays.runbooks();
        this.store = store;
        this.days = days;
    }

    public void mount(Router router) {
        router.get("/api/v1/runbooks").handler(ctx -> Json.replyFrom(vertx, ctx, 200,
                () -> runbooks.list().stream().map(RunbooksApi::summary).toList()));
        router.post("/api/v1/runbooks").handler(this::create);
        router.get("/api/v1/runbooks/:id").handler(ctx -> Json.replyFrom(vertx, ctx, 200,
                () -> detail(find(ctx.pathParam("id")))));
        router.delete("/api/v1/runbooks/:id").handler(this::delete);
    }

    private void create(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String media = type == null ? null : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (media != null && !TYPES.contains(media)) {
            throw new ApiException(415, "unsupported Content-Type '" + media + "'; send the runbook's Markdown as "
                    + "text/markdown");
        }
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("request body is empty; expected a runbook: Markdown with YAML front matter");
        }
        String name = ctx.queryParam("filename").stream().findFirst().orElse("request.md");
        String actor = Authentication.caller(ctx).map(User::name).orElse("api");
        Json.replyFrom(vertx, ctx, 201, () -> {
            Loaded<Runbook> loaded = runbooks.load(name, text);
            Runbook runbook = loaded.value().orElseThrow(() -> new ValidationFailed("runbook is not valid: "
                    + loaded.problems().size() + " problem(s); the first: " + loaded.problems().get(0).format(),
                    loaded.problems()));
            if (Runbooks.builtIn(runbook.id()).isPresent()) {
                throw ApiException.conflict("runbook " + runbook.id() + " is built in; give yours another id");
            }
            try {
                store.create(runbook.id(), runbook.title(), runbook.version(), text, actor);
            } catch (DuplicateException e) {
                throw ApiException.conflict(e.getMessage());
            }
            ctx.response().putHeader("Location", "/api/v1/runbooks/" + runbook.id());
            return detail(find(runbook.id()));
        });
    }

    private void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Json.replyDeleted(vertx, ctx, () -> {
            if (Runbooks.builtIn(id).isPresent()) {
                throw ApiException.conflict("runbook " + id + " is built in; it cannot be deleted");
            }
            List<String> using = days.usingRunbook(id);
            if (!using.isEmpty()) {
                throw ApiException.conflict("runbook " + id + " is rehearsed by game day(s) " + String.join(", ", using)
                        + "; delete them first");
            }
            return store.delete(id);
        }, () -> missing(id));
    }

    private Runbooks.Known find(String id) {
        return runbooks.find(id).orElseThrow(() -> missing(id));
    }

    private static ApiException missing(String id) {
        return ApiException.notFound("no runbook with id '" + id + "'");
    }

    private static Summary summary(Runbooks.Known k) {
        Runbook r = k.loaded().value().orElse(null);
        return new Summary(k.id(), r == null ? null : r.title(), r == null ? null : r.owner(),
                r == null ? null : r.version(), r == null ? List.of() : r.experiments(),
                r == null ? 0 : r.steps().size(), k.builtIn(), r != null, k.loaded().problems(), k.createdBy(),
                k.createdAt());
    }

    private static Detail detail(Runbooks.Known k) {
        return new Detail(summary(k), k.loaded().value().map(ModelJson::toTree).orElse(null), k.source());
    }
}
