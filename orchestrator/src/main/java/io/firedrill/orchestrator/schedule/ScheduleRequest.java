package io.firedrill.orchestrator.schedule;

/**
 * A game-day schedule as asked for, fields as sent: a stored experiment and exactly one of {@code cron} (Quartz
 * syntax, seconds first, read in {@code timeZone}) or {@code at} (one-off). {@link GameDays#create} checks it.
 *
 * @param timeZone an IANA zone; UTC when absent
 */
public record ScheduleRequest(String name, String experiment, String cron, String at, String timeZone) {}
