package io.firedrill.orchestrator.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reading and writing single JSON field values in the line formats, with messages that name the field, the bad
 * value and what was expected. The parser stands on the field's value.
 */
final class JsonFields {
    private JsonFields() {}

    /** A string or null. */
    static String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw bad(p, field, "a string");
        }
        return p.getText();
    }

    /** A string that is one of a few repeated values (a region): the same instance each time, so it costs once. */
    static String interned(JsonParser p, String field, List<String> seen) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            for (String s : seen) {
                if (is(p, s)) {
                    return s;
                }
            }
        }
        String value = text(p, field);
        if (value != null && seen.size() < 64) {
            seen.add(value);
        }
        return value;
    }

    /** Whether the current string value equals {@code literal}, without allocating a String. */
    static boolean is(JsonParser p, String literal) throws IOException {
        int len = p.getTextLength();
        if (len != literal.length()) {
            return false;
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        for (int i = 0; i < len; i++) {
            if (chars[off + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static long whole(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw bad(p, field, "a whole number");
        }
        return p.getLongValue();
    }

    static boolean bool(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw bad(p, field, "true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    static Instant wall(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw bad(p, field, WallTime.EXPECTED);
        }
        try {
            return WallTime.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    static void wall(JsonGenerator g, String field, Instant wall, char[] buffer) throws IOException {
        g.writeFieldName(field);
        if (WallTime.format(wall, buffer)) {
            g.writeString(buffer, 0, WallTime.LENGTH);
        } else {
            g.writeString(wall.toString());
        }
    }

    private static IllegalArgumentException bad(JsonParser p, String field, String expected) throws IOException {
        JsonToken t = p.currentToken();
        String got = t == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : t == null ? "nothing" : p.getText();
        return new IllegalArgumentException("field '" + field + "': expected " + expected + ", got " + got);
    }
}
