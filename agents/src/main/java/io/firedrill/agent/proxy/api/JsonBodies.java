package io.firedrill.agent.proxy.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.firedrill.agent.proxy.ProxyException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decodes request bodies and reads typed fields from them. Every complaint is a 400 that starts with
 * {@code bad request body:} (as Toxiproxy's are) and names the field, the value and what was expected.
 * The body is read as JSON whatever its Content-Type says: the Java client sends none, so the JDK labels
 * it as a form.
 */
final class JsonBodies {
    private JsonBodies() {}

    static JsonObject object(Buffer body) {
        String text = text(body);
        if (!text.startsWith("{")) {
            throw bad("expected a JSON object, got " + preview(text));
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException e) {
            throw bad(describe(e));
        }
    }

    static JsonArray array(Buffer body, String expected) {
        String text = text(body);
        if (!text.startsWith("[")) {
            throw bad("expected " + expected + ", got " + preview(text));
        }
        try {
            return new JsonArray(text);
        } catch (DecodeException e) {
            throw bad(describe(e));
        }
    }

    /** The field as a string, or null when absent or JSON null. */
    static String string(JsonObject o, String field, String where) {
        Object v = o.getValue(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw bad(where + "field \"" + field + "\" must be a string, was " + show(v));
    }

    static Boolean bool(JsonObject o, String field, String where) {
        Object v = o.getValue(field);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw bad(where + "field \"" + field + "\" must be true or false, was " + show(v));
    }

    /** The field as an object, or an empty object when absent or JSON null. */
    static JsonObject object(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v == null) {
            return new JsonObject();
        }
        if (v instanceof JsonObject j) {
            return j;
        }
        throw bad("field \"" + field + "\" must be an object, was " + show(v));
    }

    /** The toxicity, when present: a number from 0 (never applies) to 1 (always applies). */
    static Double toxicity(JsonObject o) {
        Object v = o.getValue("toxicity");
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
            return n.doubleValue();
        }
        throw bad("toxicity must be a number from 0 to 1, was " + show(v));
    }

    /**
     * An attribute value: a whole number, zero or more. Toxiproxy's attributes are all counts, sizes, rates
     * or durations, and its clients send them as numbers ({@code 100} or {@code 100.0}).
     */
    static long attribute(String key, Object v) {
        BigInteger whole = v instanceof Number n ? whole(n) : null;
        if (whole == null) {
            throw bad("attribute " + key + " must be a whole number, was " + show(v));
        }
        if (whole.signum() < 0) {
            throw bad("attribute " + key + " must be zero or more, was " + whole);
        }
        if (whole.bitLength() > 63) {
            throw bad("attribute " + key + " must be at most " + Long.MAX_VALUE + ", was " + show(v));
        }
        return whole.longValue();
    }

    static ProxyException bad(String detail) {
        return ProxyException.badRequest("bad request body: " + detail);
    }

    private static BigInteger whole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigInteger.valueOf(n.longValue());
        }
        if (n instanceof BigInteger b) {
            return b;
        }
        try {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigIntegerExact() : null;
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return null; // a fraction, or NaN or infinity
        }
    }

    private static String text(Buffer body) {
        String text = body == null ? "" : body.toString().strip();
        if (text.isEmpty()) {
            throw bad("the body is empty; expected JSON");
        }
        return text;
    }

    /** Jackson's own reason with line and column, without the echo of the source it appends. */
    private static String describe(DecodeException e) {
        if (e.getCause() instanceof JsonProcessingException j) {
            String reason = j.getOriginalMessage().lines().findFirst().orElse("malformed JSON")
                    .replaceAll("\\s*\\(start marker at .*$", "");
            JsonLocation at = j.getLocation();
            return at == null ? reason : reason + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        String message = e.getMessage() == null ? "malformed JSON" : e.getMessage();
        return message.replaceFirst("^Failed to decode:\\s*", "").lines().findFirst().orElse("malformed JSON");
    }

    private static String preview(String text) {
        char c = text.charAt(0);
        if (c == '[') {
            return "an array";
        }
        if (c == '{') {
            return "an object";
        }
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static String show(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof JsonObject) {
            return "an object";
        }
        if (v instanceof JsonArray) {
            return "an array";
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            return v.toString();
        }
        return String.valueOf(v);
    }
}
