package io.firedrill.orchestrator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.schedule.InvalidRequestException;
import io.firedrill.orchestrator.store.DuplicateException;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * JSON request bodies of small objects (schedules, freeze windows): parsed on the event loop with errors that name
 * the field, and the mapping of the schedule package's refusals to HTTP statuses.
 */
final class RequestBodies {
    private RequestBodies() {}

    /** The body as a JSON object with only the {@code allowed} fields; a 400 naming what is wrong otherwise. */
    static ObjectNode object(RoutingContext ctx, String kind, List<String> allowed) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("request body is empty; expected a " + kind + " as a JSON object with "
                    + String.join(", ", allowed));
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(kind + " body is not JSON (" + e.getOriginalMessage() + "); expected an "
                    + "object with " + String.join(", ", allowed));
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest(kind + " body: expected a JSON object with " + String.join(", ", allowed)
                    + ", got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown field '" + name + "' in the " + kind + "; expected "
                        + String.join(", ", allowed));
            }
        }
        return object;
    }

    /** A string field; null when absent or JSON null. */
    static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field + ": expected a string, got " + value);
        }
        return value.asText();
    }

    /** A list of strings, sent as a JSON array or as one comma-separated string; null when absent. */
    static List<String> texts(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Arrays.stream(value.asText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (!value.isArray()) {
            throw ApiException.badRequest(field + ": expected an array of strings, got " + value);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiException.badRequest(field + "[" + texts.size() + "]: expected a string, got " + item);
            }
            texts.add(item.asText());
        }
        return texts;
    }

    /** Runs {@code work}, turning a refused request into 400 and a taken name into 409. */
    static <T> T refusalsAsApiErrors(Callable<T> work) throws Exception {
        try {
            return work.call();
        } catch (InvalidRequestException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (DuplicateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
