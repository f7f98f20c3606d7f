package io.firedrill.estate.router;

import io.firedrill.model.Durations;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated {@code POST /router/settings} body. Parsing checks every field before anything is applied,
 * so a request with one bad value changes nothing. {@code null} components are not being changed.
 */
record SettingsChange(FailoverPolicy policy, Boolean fencing, Duration dnsTtl, Duration healthInterval,
        Integer failureThreshold, String actor) {

    static final List<String> FIELDS = List.of("policy", "fencing", "dnsTtl", "healthInterval", "failureThreshold");
    private static final Duration MAX_DNS_TTL = Duration.ofDays(1);
    private static final Duration MAX_HEALTH_INTERVAL = Duration.ofMinutes(10);
    private static final String DURATION_EXPECTED = Durations.EXPECTED + ", or a number of milliseconds";

    /** Parses and checks {@code body}; fails with a 400 {@link ApiError} naming the field, value and expectation. */
    static SettingsChange parse(JsonObject body) {
        for (String field : body.fieldNames()) {
            if (!FIELDS.contains(field) && !field.equals("actor")) {
                throw ApiError.badRequest("field '" + field + "' is not a setting; settings are "
                        + String.join(", ", FIELDS) + " (and 'actor' for the record)");
            }
        }
        if (!body.fieldNames().stream().anyMatch(FIELDS::contains)) {
            throw ApiError.badRequest("no setting given; settings are " + String.join(", ", FIELDS));
        }
        return new SettingsChange(
                body.containsKey("policy") ? policy(body.getValue("policy")) : null,
                body.containsKey("fencing") ? fencing(body.getValue("fencing")) : null,
                body.containsKey("dnsTtl") ? duration("dnsTtl", body.getValue("dnsTtl"), Duration.ZERO, MAX_DNS_TTL) : null,
                body.containsKey("healthInterval") ? duration("healthInterval", body.getValue("healthInterval"),
                        GlobalRouterConfig.MIN_HEALTH_INTERVAL, MAX_HEALTH_INTERVAL) : null,
                body.containsKey("failureThreshold") ? threshold(body.getValue("failureThreshold")) : null,
                actor(body.getValue("actor")));
    }

    /** Applies the change; returns one "name old -> new" line per setting that actually changed. */
    List<String> applyTo(RouterState state) {
        List<String> changes = new ArrayList<>();
        if (policy != null && policy != state.policy()) {
            changes.add("policy " + state.policy().wire() + " -> " + policy.wire());
            state.policy(policy);
        }
        if (fencing != null && fencing != state.fencing()) {
            changes.add("fencing " + onOff(state.fencing()) + " -> " + onOff(fencing));
            state.fencing(fencing);
        }
        if (dnsTtl != null && !dnsTtl.equals(state.dnsTtl())) {
            changes.add("dnsTtl " + Durations.format(state.dnsTtl()) + " -> " + Durations.format(dnsTtl));
            state.dnsTtl(dnsTtl);
        }
        if (healthInterval != null && !healthInterval.equals(state.healthInterval())) {
            changes.add("healthInterval " + Durations.format(state.healthInterval()) + " -> "
                    + Durations.format(healthInterval));
            state.healthInterval(healthInterval);
        }
        if (failureThreshold != null && failureThreshold != state.failureThreshold()) {
            changes.add("failureThreshold " + state.failureThreshold() + " -> " + failureThreshold);
            state.failureThreshold(failureThreshold);
        }
        return changes;
    }

    private static FailoverPolicy policy(Object value) {
        if (value instanceof String text) {
            return FailoverPolicy.fromWire(text).orElseThrow(() -> notOneOf("policy", value, "automatic, manual"));
        }
        throw notOneOf("policy", value, "automatic, manual");
    }

    private static Boolean fencing(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "on", "true" -> {
                    return true;
                }
                case "off", "false" -> {
                    return false;
                }
                default -> { }
            }
        }
        throw notOneOf("fencing", value, "on, off, true, false");
    }

    private static Duration duration(String field, Object value, Duration min, Duration max) {
        Duration parsed;
        if (value instanceof Number number) {
            double millis = number.doubleValue();
            if (millis != Math.rint(millis) || Double.isInfinite(millis)) {
                throw ApiError.badRequest("field '" + field + "': expected " + DURATION_EXPECTED + ", got " + value);
            }
            parsed = Duration.ofMillis(number.longValue());
        } else if (value instanceof String text) {
            try {
                parsed = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("field '" + field + "': " + e.getMessage());
            }
        } else {
            throw ApiError.badRequest("field '" + field + "': expected " + DURATION_EXPECTED + ", got " + show(value));
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw ApiError.badRequest("field '" + field + "': expected a duration from " + Durations.format(min)
                    + " to " + Durations.format(max) + ", got " + show(value));
        }
        return parsed;
    }

    private static Integer threshold(Object value) {
        int max = GlobalRouterConfig.MAX_FAILURE_THRESHOLD;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= 1 && number.doubleValue() <= max) {
            return number.intValue();
        }
        throw ApiError.badRequest("field 'failureThreshold': expected a whole number from 1 to " + max
                + ", got " + show(value));
    }

    private static String actor(Object value) {
        if (value == null) {
            return "operator";
        }
        if (value instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        throw ApiError.badRequest("field 'actor': expected the name of who made the change, got " + show(value));
    }

    private static ApiError notOneOf(String field, Object value, String allowed) {
        return ApiError.badRequest("field '" + field + "': " + show(value) + " is not one of " + allowed);
    }

    /** A value as it appeared in the JSON body, strings in single quotes. */
    static String show(Object value) {
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        if (value instanceof JsonObject || value instanceof io.vertx.core.json.JsonArray) {
            return value.toString();
        }
        return String.valueOf(value);
    }

    private static String onOff(boolean flag) {
        return flag ? "on" : "off";
    }
}
