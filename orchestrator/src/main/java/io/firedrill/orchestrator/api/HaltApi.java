package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.orchestrator.safety.HaltService;
import io.firedrill.orchestrator.store.HaltStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/halt}: the global kill switch. {@code POST} halts (every run aborted, every agent reverts and sweeps
 * its links) and answers with each agent's confirmation; {@code GET} says whether a halt is in force and lists the
 * last ones; {@code POST /halt/resume} lets runs and faults start again.
 */
public final class HaltApi {
    private static final int HISTORY = 20;

    private final Vertx vertx;
    private final HaltService halts;
    private final HaltStore store;

    public HaltApi(Vertx vertx, HaltService halts, HaltStore store) {
        this.vertx = vertx;
        this.halts = halts;
        this.store = store;
    }

    public void mount(Router router) {
        router.get("/api/v1/halt").handler(this::status);
        router.post("/api/v1/halt").handler(this::halt);
        router.post("/api/v1/halt/resume").handler(this::resume);
    }

    private void status(RoutingContext ctx) {
        Json.replyFrom(vertx, ctx, 200, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("halted", store.current().isPresent());
            body.put("halt", store.current().orElse(null));
            body.put("history", store.history(HISTORY));
            return body;
        });
    }

    private void halt(RoutingContext ctx) {
        String reason = reason(ctx);
        halts.halt(Actors.of(ctx), reason).onSuccess(outcome -> Json.reply(ctx, 200, outcome)).onFailure(ctx::fail);
    }

    private void resume(RoutingContext ctx) {
        halts.resume(Actors.of(ctx)).onSuccess(ended -> {
            if (ended.isEmpty()) {
                ctx.fail(ApiException.conflict("no HALT is in force; nothing to resume"));
            } else {
                Json.reply(ctx, 200, Map.of("resumed", ended.get()));
            }
        }).onFailure(ctx::fail);
    }

    /** From {@code ?reason=} or a JSON body {@code {"reason": ...}}; optional. */
    private static String reason(RoutingContext ctx) {
        String query = ctx.queryParam("reason").stream().findFirst().orElse(null);
        if (query != null) {
            return query;
        }
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            JsonNode reason = node.path("reason");
            if (!node.isObject() || (!reason.isMissingNode() && !reason.isTextual())) {
                throw ApiException.badRequest("halt body: expected a JSON object {\"reason\": \"...\"}, got " + abbreviate(text));
            }
            return reason.isTextual() ? reason.asText() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("halt body: not JSON (" + e.getOriginalMessage() + "); expected {\"reason\": \"...\"}");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
