package io.firedrill.orchestrator.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the times people write in requests, with errors that name the field, the value and the forms expected. */
final class Times {
    /** The zone of a schedule or window that names none; "UTC" rather than "Z", as people write it. */
    static final ZoneId UTC = ZoneId.of("UTC");
    static final String INSTANT_FORMS = "expected an ISO instant such as 2026-12-24T18:00:00Z or "
            + "2026-12-24T18:00+01:00, a local 2026-12-24T18:00 (in timeZone), or a date 2026-12-24";

    private Times() {}

    /** An IANA zone such as Europe/Paris; {@code fallback} when the value is absent (null: the field is required). */
    static ZoneId zone(String field, String value, ZoneId fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new InvalidRequestException(field + " is required; expected an IANA time zone such as "
                        + "Europe/Paris or UTC");
            }
            return fallback;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field + " '" + value + "': not a known IANA time zone ("
                    + e.getMessage() + "); expected a name such as Europe/Paris, America/New_York or UTC");
        }
    }

    /**
     * An instant from any of the {@link #INSTANT_FORMS}: one with an offset as it is, a local date-time in
     * {@code zone}, a date as the start of that day in {@code zone} or, with {@code dateMeansItsEnd}, as the start of
     * the day after (so that a date given as an end includes the whole day).
     */
    static Instant instant(String field, String value, ZoneId zone, boolean dateMeansItsEnd) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field + " is required; " + INSTANT_FORMS);
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the local forms
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocal) {
            // try a date
        }
        try {
            LocalDate date = LocalDate.parse(v);
            return (dateMeansItsEnd ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field + " '" + value + "': not a time; " + INSTANT_FORMS);
        }
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field + " '" + value + "': not a date; expected YYYY-MM-DD such as "
                    + "2026-12-25");
        }
    }
}
