package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Small JSON request bodies ({@code {"name": ..., "role": ...}}), with errors that name the field and the value. */
public final class JsonBodies {
    private JsonBodies() {}

    /** The body as a JSON object; 400 when it is missing, not JSON, or not an object. */
    public static JsonNode object(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("expected a JSON object body");
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (!node.isObject()) {
                throw ApiException.badRequest("expected a JSON object body, got "
                        + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A required non-empty string field. */
    public static String text(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ApiException.badRequest(field + ": expected a non-empty string, got "
                    + (v.isMissingNode() ? "nothing" : v.toString()));
        }
        return v.asText();
    }

    /** An optional string field; null when absent. */
    public static String optionalText(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field + ": expected a string, got " + v);
        }
        return v.asText();
    }
}
