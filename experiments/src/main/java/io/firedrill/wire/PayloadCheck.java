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
 * JSON type its component needs, and the same for the records nested in it (a fault's link actions, a probe
 * start's probes). Done here rather than left to Jackson so that every complaint reads the
 * same way ({@code field 'seq' must be an integer, was "seven"}) and so that Jackson's lenient coercions
 * (a number into a string, say) never let a malformed frame through.
 */
final class PayloadCheck {
    private PayloadCheck() {}

    static Optional<DecodeError> check(Class<? extends Message> target, ObjectNode payload, String type, String id) {
        return check(target, payload, "", type, id);
    }

    /**
     * Checks one record's fields; {@code prefix} locates a nested record ({@code probes[2].}) so that a complaint
     * about it names the field the way a reader of the frame finds it.
     */
    private static Optional<DecodeError> check(Class<?> target, JsonNode payload, String prefix, String type,
            String id) {
        for (RecordComponent component : target.getRecordComponents()) {
            String name = prefix + component.getName();
            if (!payload.has(component.getName())) {
                return Optional.of(new DecodeError(DecodeError.Code.MISSING_FIELD,
                        "missing field '" + name + "' in '" + type + "' message", id));
            }
            JsonNode value = payload.get(component.getName());
            String expected = problem(component, value);
            if (expected != null) {
                return Optional.of(new DecodeError(DecodeError.Code.BAD_FIELD, "bad '" + type + "' message: field '"
                        + name + "' must be " + expected + ", was " + abbreviate(value.toString()), id));
            }
            Optional<DecodeError> nested = checkNested(component, value, name, type, id);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    /** A field that holds a record, or a list of records, has its own fields checked the same way. */
    private static Optional<DecodeError> checkNested(RecordComponent component, JsonNode value, String name,
            String type, String id) {
        if (value.isNull()) {
            return Optional.empty();
        }
        if (component.getType().isRecord()) {
            return value.isObject() ? check(component.getType(), value, name + ".", type, id)
                    : Optional.of(notAnObject(name, value, type, id));
        }
        if (component.getType() == List.class && elementType(component) instanceof Class<?> element
                && element.isRecord() && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                Optional<DecodeError> bad = item.isObject() ? check(element, item, name + "[" + i + "].", type, id)
                        : Optional.of(notAnObject(name + "[" + i + "]", item, type, id));
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    private static DecodeError notAnObject(String name, JsonNode value, String type, String id) {
        return new DecodeError(DecodeError.Code.BAD_FIELD, "bad '" + type + "' message: field '" + name
                + "' must be an object, was " + abbreviate(value.toString()), id);
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
        } else if (type == double.class || type == Double.class) {
            fits = value.isNumber();
        } else if (type == List.class && elementType(component) == String.class) {
            fits = value.isArray() && allTextual(value);
        } else if (type == List.class) {
            fits = value.isArray();
        } else {
            fits = true; // records are checked field by field next; other shapes (maps) are left to the binder
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
        } else if (type == double.class || type == Double.class) {
            return "a number";
        } else if (type == List.class && elementType(component) != String.class) {
            return "a list";
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
