package io.firedrill.orchestrator.store.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Argument checks with messages that name the field, and the stores' notion of "now". */
final class Arguments {

    private Arguments() {}

    static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " '" + value.substring(0, 40) + "...' is " + value.length()
                    + " characters long; at most " + maxLength + " allowed");
        }
        return value;
    }

    /** Both databases keep microseconds: truncating here makes what we return equal what we read back. */
    static Instant now(Clock clock) {
        return micros(clock.instant());
    }

    /** Null stays null. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
