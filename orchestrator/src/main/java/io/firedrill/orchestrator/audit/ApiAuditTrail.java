package io.firedrill.orchestrator.audit;

import io.firedrill.orchestrator.identity.Authentication;
import io.firedrill.orchestrator.store.User;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change made through the API goes into the audit log once it succeeded (2xx), with the caller as actor: one
 * place instead of a call in every handler, so a route added later is audited too. The action is the resource and
 * what was done to it ({@code schedule.create}, {@code approval.approve}, {@code halt.resume}), the subject is the
 * path's ids, and the details keep the path, status and the request's {@code reason}/{@code note} if any. Secrets
 * never go in: the session login is not audited, and no request or response body is copied.
 */
public final class ApiAuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(ApiAuditTrail.class);
    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
            HttpMethod.PATCH);
    private static final Set<String> NOT_AUDITED = Set.of("/api/v1/session", "/api/v1/experiments/validate",
            "/api/v1/estates/validate", "/api/v1/audit/checkpoints");
    /** A last path segment that says what was done rather than what it was done to. */
    private static final Set<String> VERBS = Set.of("approve", "reject", "pause", "resume", "abort", "start",
            "complete", "skip", "sign-off");
    /** Path segments that name a collection inside another resource; any other segment is an id. */
    private static final Set<String> PARTS = Set.of("tokens", "steps", "runs", "fires", "findings", "actions",
            "checkpoints", "entries", "artifacts", "me");

    private final Vertx vertx;
    private final AuditLog audit;

    public ApiAuditTrail(Vertx vertx, AuditLog audit) {
        this.vertx = vertx;
        this.audit = audit;
    }

    /** Installs the trail in front of every API route mounted after it (and after authentication). */
    public void install(Router router) {
        router.route("/api/*").handler(this::watch);
    }

    private void watch(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if (CHANGES.contains(method) && !NOT_AUDITED.contains(path)) {
            ctx.addBodyEndHandler(v -> {
                int status = ctx.response().getStatusCode();
                // A runbook step completed whose action then failed answers 502, but the completion stands.
                boolean completedAnyway = status == 502 && path.endsWith("/complete");
                if (status >= 200 && status < 300 || completedAnyway) {
                    record(ctx, method, path, status);
                }
            });
        }
        ctx.next();
    }

    private void record(RoutingContext ctx, HttpMethod method, String path, int status) {
        String actor = Authentication.caller(ctx).map(User::name).orElse(AuditLog.SYSTEM);
        Entry e = describe(method, path);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("request", method.name() + " " + path);
        details.put("status", status);
        for (String key : List.of("reason", "note", "experiment")) {
            ctx.queryParam(key).stream().findFirst().ifPresent(value -> details.put(key, value));
        }
        vertx.executeBlocking(() -> audit.append(actor, e.action(), e.subject(), details), false)
                .onFailure(err -> LOG.error("audit: could not record {} by {} on {}: {}", e.action(), actor, e.subject(),
                        err.toString()));
    }

    record Entry(String action, String subject) {}

    /** {@code POST /api/v1/approvals/a-1/approve} is {@code approval.approve} on {@code a-1}, and so on. */
    static Entry describe(HttpMethod method, String path) {
        String[] parts = path.replaceFirst("^/api/v1/", "").split("/");
        String resource = singular(parts[0]);
        List<String> ids = new ArrayList<>();
        String verb = null;
        for (int i = 1; i < parts.length; i++) {
            if (i == parts.length - 1 && VERBS.contains(parts[i])) {
                verb = parts[i];
            } else if (PARTS.contains(parts[i])) {
                resource = resource + "." + singular(parts[i]);
            } else {
                ids.add(parts[i]);
            }
        }
        if (verb == null) {
            verb = method == HttpMethod.DELETE ? "delete" : method == HttpMethod.PUT ? "replace"
                    : resource.equals("halt") ? null : "create";
        }
        String action = verb == null ? resource : resource + "." + verb;
        return new Entry(action, ids.isEmpty() ? resource : String.join("/", ids));
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }
}
