package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The shapes shared by {@code result.json}, {@code timeline.json} and {@code evidence.json}: moments, measured
 * durations, tallies, and strict field access whose messages name the missing or mistyped field. Every
 * duration field's name ends with its unit ({@code Nanos}, {@code Micros}); absent optional values are written
 * as {@code null}.
 */
final class TreeJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeJson() {}

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode parse(String json, String source) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EvidenceException(source + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode moment(Moment m) {
        ObjectNode n = NODES.objectNode();
        n.put("nanos", m.nanos());
        n.put("wall", WallTime.format(m.wall()));
        n.put("boundNanos", m.bound().toNanos());
        return n;
    }

    static Moment moment(JsonNode n) {
        return new Moment(whole(n, "nanos"), wall(n, "wall"), Duration.ofNanos(whole(n, "boundNanos")));
    }

    static ObjectNode measured(Measured m) {
        ObjectNode n = NODES.objectNode();
        n.put("valueNanos", m.value().toNanos());
        n.put("boundNanos", m.bound().toNanos());
        n.put("text", m.text());
        return n;
    }

    static Measured measured(JsonNode n) {
        return new Measured(Duration.ofNanos(whole(n, "valueNanos")), Duration.ofNanos(whole(n, "boundNanos")));
    }

    static ObjectNode tally(Tally t) {
        ObjectNode n = NODES.objectNode();
        n.put("count", t.count());
        ArrayNode first = n.putArray("first");
        t.first().forEach(first::add);
        return n;
    }

    static Tally tally(JsonNode n) {
        return new Tally(whole(n, "count"), strings(n, "first"));
    }

    static <T> JsonNode optional(Optional<T> value, Function<T, JsonNode> write) {
        return value.map(write).orElse(NODES.nullNode());
    }

    /** The field's value, or empty when it is absent or null. */
    static <T> Optional<T> optional(JsonNode n, String field, Function<JsonNode, T> read) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(read.apply(v));
    }

    static <T> ArrayNode array(List<T> items, Function<T, JsonNode> write) {
        ArrayNode a = NODES.arrayNode();
        items.forEach(i -> a.add(write.apply(i)));
        return a;
    }

    static <T> List<T> list(JsonNode n, String field, Function<JsonNode, T> read) {
        JsonNode a = field(n, field);
        if (!a.isArray()) {
            throw new IllegalArgumentException("field '" + field + "': expected an array");
        }
        List<T> out = new ArrayList<>();
        a.forEach(item -> out.add(read.apply(item)));
        return out;
    }

    static List<String> strings(JsonNode n, String field) {
        return list(n, field, item -> item.asText());
    }

    static JsonNode field(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return v;
    }

    static long whole(JsonNode n, String field) {
        JsonNode v = field(n, field);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "': expected a whole number, got " + v);
        }
        return v.asLong();
    }

    static boolean bool(JsonNode n, String field) {
        JsonNode v = field(n, field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("field '" + field + "': expected true or false, got " + v);
        }
        return v.asBoolean();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = field(n, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "': expected a string, got " + v);
        }
        return v.asText();
    }

    /** A string or null. */
    static String nullableText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : text(n, field);
    }

    static Instant wall(JsonNode n, String field) {
        try {
            return WallTime.parse(text(n, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
        }
    }

    static <E extends Enum<E>> E enumValue(JsonNode n, String field, Class<E> type) {
        String v = text(n, field);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': expected one of "
                    + List.of(type.getEnumConstants()) + ", got '" + v + "'");
        }
    }
}
