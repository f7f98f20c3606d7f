package io.firedrill.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Checks a frame's fields against the message record before binding: every field present, each of the
 * JSON type its component needs. Done here rather than left to Jackson so that every complaint reads the
 * same way ({@code field 'seq' must be an integer, was "seven"}) and so that Jackson's lenient coercions
 * (a number into a string, say) never let a malformed frame through.
 */
final class PayloadCheck {
    private PayloadCheck() {}

    static Optional<DecodeError> check(Class<? extends Message> target, ObjectNode payload, String type, String id) {
        for (RecordComponent component : target.getRecordComponents()) {
            String name = component.getName();
            if (!payload.has(name)) {
                return Optional.of(new DecodeError(DecodeError.Code.MISSING_FIELD,
                        "missing field '" + name + "' in '" + type + "' message", id));
            }
            String expected = problem(component, payload.get(name));
            if (expected != null) {
                return Optional.of(new DecodeError(DecodeError.Code.BAD_FIELD, "bad '" + type + "' message: field '"
                        + name + "' must be " + expected + ", was " + abbreviate(payload.get(name).toString()), id));
            }
        }
        return Optional.empty();
    }

    /** What the value should have been, or null when it fits. */
    private static String problem(RecordComponent component, JsonNode value) {
        Class<?> type = component.getType();
        if (value.isNull()) {
            return type.isPrimitive() ? expected(component) : null;
        }
        boolean fits;
        if (type == String.class) {
            fits = value.isTextual();
        } else if (type == long.class || type == Long.class) {
            fits = value.isIntegralNumber() && value.canConvertToLong();
        } else if (type == int.class || type == Integer.class) {
            fits = value.isIntegralNumber() && value.canConvertToInt();
        } else if (type == boolean.class || type == Boolean.class) {
            fits = value.isBoolean();
        } else if (type == List.class && elementType(component) == String.class) {
            fits = value.isArray() && allTextual(value);
        } else {
            fits = true; // other shapes (nested records of later messages) are left to the binder
        }
        return fits ? null : expected(component);
    }

    private static String expected(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return "a string";
        } else if (type == long.class || type == Long.class) {
            return "an integer";
        } else if (type == int.class || type == Integer.class) {
            return "an integer of at most 32 bits";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a list of strings";
    }

    private static Type elementType(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
