package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.JsonBodies;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The bodies of finding and action requests, checked field by field with messages that quote the bad value and say
 * what is expected. On a PUT every field is optional: what is absent stays as it was.
 */
final class ReportEdits {
    static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    static final List<String> STATUSES = List.of("open", "in-progress", "done");
    private static final int TITLE_LIMIT = 500;
    private static final int TEXT_LIMIT = 10_000;

    record FindingEdit(String title, String severity, String description) {}

    record ActionEdit(String title, String owner, LocalDate due, String status, String retest) {}

    private ReportEdits() {}

    static FindingEdit finding(JsonNode body, boolean partial) {
        only(body, "title", "severity", "description");
        return new FindingEdit(
                limited(partial ? JsonBodies.optionalText(body, "title") : JsonBodies.text(body, "title"), "title",
                        TITLE_LIMIT),
                oneOf(partial ? JsonBodies.optionalText(body, "severity") : JsonBodies.text(body, "severity"),
                        "severity", SEVERITIES),
                limited(JsonBodies.optionalText(body, "description"), "description", TEXT_LIMIT));
    }

    static ActionEdit action(JsonNode body, boolean partial) {
        only(body, "title", "owner", "due", "status", "retest");
        String due = partial ? JsonBodies.optionalText(body, "due") : JsonBodies.text(body, "due");
        return new ActionEdit(
                limited(partial ? JsonBodies.optionalText(body, "title") : JsonBodies.text(body, "title"), "title",
                        TITLE_LIMIT),
                partial ? JsonBodies.optionalText(body, "owner") : JsonBodies.text(body, "owner"),
                due == null ? null : date(due),
                oneOf(partial ? JsonBodies.optionalText(body, "status")
                        : optionalOr(JsonBodies.optionalText(body, "status"), "open"), "status", STATUSES),
                limited(JsonBodies.optionalText(body, "retest"), "retest", 2000));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("due: '" + text + "' is not a date; expected YYYY-MM-DD, such as 2026-12-31");
        }
    }

    private static String oneOf(String value, String field, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ApiException.badRequest(field + ": '" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static String limited(String value, String field, int limit) {
        if (value != null && value.length() > limit) {
            throw ApiException.badRequest(field + ": " + value.length() + " characters; at most " + limit);
        }
        return value;
    }

    private static String optionalOr(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static void only(JsonNode body, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(name + ": unknown field; expected " + String.join(", ", fields));
            }
        }
    }
}
