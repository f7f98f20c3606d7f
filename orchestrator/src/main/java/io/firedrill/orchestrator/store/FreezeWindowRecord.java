package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A period in which no scheduled game day starts, as stored. Which fields are set depends on the kind; the rules
 * that read them are in {@code io.firedrill.orchestrator.schedule.FreezeRule}.
 *
 * @param timeZone the IANA zone its local times and dates are read in
 * @param startsAt for {@link Kind#DATES}: the first instant inside (inclusive)
 * @param endsAt   for {@link Kind#DATES}: the first instant after it (exclusive)
 * @param weekly   for {@link Kind#WEEKLY}: the canonical range text, e.g. {@code FRI 18:00-MON 08:00}
 * @param holidays for {@link Kind#HOLIDAYS}: whole local days; empty for the other kinds
 */
public record FreezeWindowRecord(String name, Kind kind, String timeZone, Instant startsAt, Instant endsAt,
        String weekly, List<LocalDate> holidays, String reason, String createdBy, Instant createdAt) {

    public FreezeWindowRecord {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    public enum Kind { DATES, WEEKLY, HOLIDAYS }
}
