package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.store.FreezeWindowRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * When a freeze window holds game days back. Every kind reads its times in the window's zone, counts a start as
 * inside and an end as outside.
 */
public sealed interface FreezeRule permits FreezeRule.Dates, FreezeRule.Weekly, FreezeRule.Holidays {

    boolean covers(Instant at);

    /** One line for people: what the window covers, with its zone. */
    String describe();

    /** From {@code from} (inclusive) to {@code to} (exclusive); a date given as {@code to} was widened to its end. */
    record Dates(Instant from, Instant to, ZoneId zone) implements FreezeRule {
        @Override
        public boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        @Override
        public String describe() {
            return "from " + from.atZone(zone).toOffsetDateTime() + " to " + to.atZone(zone).toOffsetDateTime()
                    + " (" + zone + ")";
        }
    }

    /** The same local hours every week, e.g. FRI 18:00-MON 08:00 in Europe/Paris. */
    record Weekly(WeeklyRange range, ZoneId zone) implements FreezeRule {
        @Override
        public boolean covers(Instant at) {
            return range.covers(at.atZone(zone).toLocalDateTime());
        }

        @Override
        public String describe() {
            return "weekly " + range.text() + " (" + zone + ")";
        }
    }

    /** Whole local days: from midnight to midnight in the zone, 23 or 25 hours on a DST change. */
    record Holidays(List<LocalDate> dates, ZoneId zone) implements FreezeRule {
        public Holidays {
            dates = List.copyOf(dates);
        }

        @Override
        public boolean covers(Instant at) {
            return dates.contains(at.atZone(zone).toLocalDate());
        }

        @Override
        public String describe() {
            return "holidays " + dates.stream().map(LocalDate::toString).collect(Collectors.joining(", ")) + " ("
                    + zone + ")";
        }
    }

    /** The rule of a stored window. */
    static FreezeRule of(FreezeWindowRecord w) {
        ZoneId zone = ZoneId.of(w.timeZone());
        return switch (w.kind()) {
            case DATES -> new Dates(w.startsAt(), w.endsAt(), zone);
            case WEEKLY -> new Weekly(WeeklyRange.parse("weekly", w.weekly()), zone);
            case HOLIDAYS -> new Holidays(w.holidays(), zone);
        };
    }
}
