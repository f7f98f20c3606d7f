package io.firedrill.wire;

/** Checks for record constructors; the codec turns the message into a {@code bad-field} decode error. */
final class Fields {
    private Fields() {}

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-empty string");
        }
    }

    static void positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException("field '" + field + "' must be positive, was " + value);
        }
    }
}
