package io.firedrill.orchestrator.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.RunbookStep;
import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.JsonBodies;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.StepEvent;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/** The JSON bodies of the rehearsal routes, read with errors that name the field, the value and what was expected. */
final class Bodies {
    private static final String EVIDENCE_KINDS = Arrays.stream(RunbookStep.Evidence.values())
            .map(RunbookStep.Evidence::wireName).collect(Collectors.joining(", "));
    private static final int TEXT_LIMIT = 2000;

    /** A step act's body: {@code {note?, evidence?: [{kind, value}]}}; none at all is no note and no evidence. */
    record StepBody(String note, List<StepEvent.Evidence> evidence) {}

    private Bodies() {}

    static GameDayRequests.Request gameDay(RoutingContext ctx) {
        JsonNode body = JsonBodies.object(ctx);
        onlyFields(body, "name", "runbook", "experiments", "participants");
        List<String> experiments = new ArrayList<>();
        JsonNode list = array(body, "experiments");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                throw ApiException.badRequest("experiments[" + i + "]: expected a stored experiment's name, got " + e);
            }
            experiments.add(e.asText());
        }
        List<GameDay.Participant> participants = new ArrayList<>();
        JsonNode people = array(body, "participants");
        for (int i = 0; i < people.size(); i++) {
            JsonNode p = people.get(i);
            if (!p.isObject()) {
                throw ApiException.badRequest("participants[" + i + "]: expected {\"user\": ..., \"role\": ...}, got "
                        + p);
            }
            participants.add(new GameDay.Participant(text(p, "participants[" + i + "].user", "user"),
                    text(p, "participants[" + i + "].role", "role")));
        }
        return new GameDayRequests.Request(JsonBodies.text(body, "name"), JsonBodies.text(body, "runbook"),
                experiments, participants);
    }

    static StepBody step(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return new StepBody(null, List.of());
        }
        JsonNode body = JsonBodies.object(ctx);
        onlyFields(body, "note", "evidence");
        String note = JsonBodies.optionalText(body, "note");
        if (note != null && note.length() > TEXT_LIMIT) {
            throw ApiException.badRequest("note: " + note.length() + " characters; at most " + TEXT_LIMIT);
        }
        List<StepEvent.Evidence> evidence = new ArrayList<>();
        JsonNode list = body.path("evidence");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw ApiException.badRequest("evidence: expected a list of {\"kind\": ..., \"value\": ...}, got "
                        + list);
            }
            for (int i = 0; i < list.size(); i++) {
                evidence.add(evidence(list.get(i), "evidence[" + i + "]"));
            }
        }
        return new StepBody(note, evidence);
    }

    private static StepEvent.Evidence evidence(JsonNode e, String field) {
        if (!e.isObject()) {
            throw ApiException.badRequest(field + ": expected {\"kind\": \"link\", \"value\": \"https://...\"}, got "
                    + e);
        }
        String kind = text(e, field + ".kind", "kind");
        if (Arrays.stream(RunbookStep.Evidence.values()).noneMatch(k -> k.wireName().equals(kind))) {
            throw ApiException.badRequest(field + ".kind: unknown kind of evidence '" + kind + "'; expected one of "
                    + EVIDENCE_KINDS);
        }
        String value = text(e, field + ".value", "value");
        if (value.length() > TEXT_LIMIT) {
            throw ApiException.badRequest(field + ".value: " + value.length() + " characters; at most " + TEXT_LIMIT);
        }
        return new StepEvent.Evidence(kind, value);
    }

    private static JsonNode array(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (!v.isArray()) {
            throw ApiException.badRequest(field + ": expected a list, got " + (v.isMissingNode() ? "nothing" : v));
        }
        return v;
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode v = node.path(name);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw ApiException.badRequest(field + ": expected a non-empty string, got "
                    + (v.isMissingNode() ? "nothing" : v.toString()));
        }
        return v.asText();
    }

    private static void onlyFields(JsonNode body, String... fields) {
        List<String> known = List.of(fields);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw ApiException.badRequest("unknown field '" + f + "'; expected " + String.join(", ", known));
            }
        }
    }
}
