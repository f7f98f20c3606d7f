package io.firedrill.orchestrator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one JSON encoding whose bytes are hashed and signed (docs/audit.md, "Canonical bytes"). It is a strict subset of
 * JSON that {@code json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} in Python reproduces
 * byte for byte: keys sorted, no whitespace, only {@code "}, {@code \} and control characters escaped, whole numbers
 * only. The subset is what keeps it reproducible: keys are printable ASCII (so every language sorts them alike) and
 * there are no fractions (whose shortest decimal form languages disagree on).
 */
public final class CanonicalJson {
    /** Past this, JavaScript and many JSON parsers lose integer precision. */
    static final long MAX_SAFE_INTEGER = 9007199254740991L;
    static final int MAX_DEPTH = 16;
    private static final int MAX_KEY_LENGTH = 100;
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private CanonicalJson() {}

    /** The canonical text of {@code node}; an {@link IllegalArgumentException} naming the path of anything outside the subset. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "details", 0, out);
        return out.toString();
    }

    /** A time as the log writes it: UTC, always six fractional digits (microseconds, the precision stored). */
    public static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** {@code details} as a JSON object: null is the empty object; values must be JSON types (strings, whole numbers, ...). */
    public static ObjectNode details(Map<String, ?> details) {
        if (details == null) {
            return PLAIN.createObjectNode();
        }
        try {
            return PLAIN.valueToTree(details);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("details: " + e.getMessage().lines().findFirst().orElse("")
                    + "; pass strings, whole numbers, booleans, lists and maps", e);
        }
    }

    /** Parses stored canonical text back into an object. */
    public static ObjectNode parseObject(String text) {
        try {
            JsonNode node = PLAIN.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return (ObjectNode) node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    static void write(JsonNode node, String path, int depth, StringBuilder out) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            if (!node.canConvertToLong() || Math.abs(node.longValue()) > MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException(path + ": " + node + " is beyond +-2^53-1; write it as a string");
            }
            out.append(node.longValue());
        } else if (node.isNumber()) {
            throw new IllegalArgumentException(path + ": " + node + " is not a whole number; canonical JSON holds whole "
                    + "numbers only (write " + node + " as a string)");
        } else if (node.isTextual()) {
            string(node.textValue(), path, out);
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), path + "[" + i + "]", depth + 1, out);
            }
            out.append(']');
        } else if (node.isObject()) {
            object(node, path, depth, out);
        } else {
            throw new IllegalArgumentException(path + ": a " + node.getNodeType() + " is not JSON");
        }
    }

    private static void object(JsonNode node, String path, int depth, StringBuilder out) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            requireKey(key, path);
            keys.add(key);
        }
        keys.sort(null); // printable ASCII only: UTF-16, code point and byte order agree
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(keys.get(i), path, out);
            out.append(':');
            write(node.get(keys.get(i)), path + "." + keys.get(i), depth + 1, out);
        }
        out.append('}');
    }

    private static void requireKey(String key, String path) {
        boolean printable = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\');
        if (!printable) {
            throw new IllegalArgumentException(path + ": key '" + key + "' is not 1.." + MAX_KEY_LENGTH
                    + " printable ASCII characters without \" or \\");
        }
    }

    static void string(String value, String path, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException(path + ": holds a lone UTF-16 surrogate (U+"
                            + Integer.toHexString(c).toUpperCase() + "), which has no UTF-8 form");
                }
                out.append(c).append(value.charAt(++i));
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
