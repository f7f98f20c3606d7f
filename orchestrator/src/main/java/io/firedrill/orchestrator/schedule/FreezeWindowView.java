package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.store.FreezeWindowRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A freeze window as the API shows it: what was stored, the rule in one line, and whether it holds game days back
 * at the moment the view was made.
 *
 * @param kind {@code dates}, {@code weekly} or {@code holidays}
 */
public record FreezeWindowView(String name, String kind, String timeZone, Instant from, Instant to, String weekly,
        List<LocalDate> holidays, String reason, String description, boolean activeNow, String createdBy,
        Instant createdAt) {

    static FreezeWindowView of(FreezeWindowRecord w, FreezeRule rule, Instant now) {
        return new FreezeWindowView(w.name(), w.kind().name().toLowerCase(Locale.ROOT), w.timeZone(), w.startsAt(),
                w.endsAt(), w.weekly(), w.holidays(), w.reason(), rule.describe(), rule.covers(now), w.createdBy(),
                w.createdAt());
    }
}
