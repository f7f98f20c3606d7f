package io.firedrill.orchestrator.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A coming fire time, in UTC and in the schedule's zone.
 *
 * @param utc   the instant, ISO-8601 UTC
 * @param local the same instant with the zone's offset then, e.g. {@code 2026-12-01T10:00:00+01:00}
 */
public record NextFire(Instant utc, String local) {
    static NextFire of(Instant at, ZoneId zone) {
        return new NextFire(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone)));
    }
}
