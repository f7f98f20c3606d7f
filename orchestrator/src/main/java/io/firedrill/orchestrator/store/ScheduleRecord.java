package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * A game day on a calendar, as people asked for it. When it fires next is Quartz's business (its job store, in the
 * same database); what each fire did is a {@link ScheduleFire}.
 *
 * @param name       unique; the id in the API and the Quartz job's name
 * @param experiment the name of a stored experiment, resolved at each fire
 * @param cron       a Quartz cron expression (seconds first) for a recurring game day, else null
 * @param at         the instant of a one-off game day, else null; exactly one of cron and at is set
 * @param timeZone   the IANA zone the cron expression is read in, and in which fire times are shown
 * @param paused     true while it does not fire
 */
public record ScheduleRecord(String name, String experiment, String cron, Instant at, String timeZone, boolean paused,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {}
