package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.store.ScheduleRecord;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * How a schedule becomes Quartz's job and trigger, both named after it in group {@value #GROUP}.
 *
 * <p><b>Misfire policy: a game day is never run late.</b> A fire more than the misfire threshold late (60 s, see
 * {@link ScheduleConfig}), because no orchestrator ran at its time or the schedule was paused, is a misfire. Up to
 * the threshold a fire still runs: a restart of a few seconds does not lose a game day. On a misfire a cron trigger
 * does nothing ({@code withMisfireHandlingInstructionDoNothing}): the missed game day is skipped and the next one comes
 * at its time. A one-off trigger moves to its "next" time ({@code withMisfireHandlingInstructionNextWithRemainingCount}),
 * and a one-off has none, so it ends without running. Quartz's defaults would run either at once, which means a
 * region blackout at an hour nobody planned and nobody watches. A misfire is recorded as a failed fire (see
 * {@link MissedFires}), so the skipped game day is visible; only a recurring one that passed while its schedule was
 * paused is just logged, as pausing meant it.
 */
final class Triggers {
    static final String GROUP = "game-days";
    static final String SCHEDULE_KEY = "schedule";

    private Triggers() {}

    static JobKey jobKey(String schedule) {
        return JobKey.jobKey(schedule, GROUP);
    }

    static TriggerKey triggerKey(String schedule) {
        return TriggerKey.triggerKey(schedule, GROUP);
    }

    /**
     * Durable, so a one-off's job outlives its trigger until the schedule is deleted; no recovery request, so a job
     * cut short by a crash is not run again by another orchestrator (the run it may have started is already
     * recorded, and RunRecovery ends it).
     */
    static JobDetail job(ScheduleRecord s) {
        return JobBuilder.newJob(GameDayJob.class).withIdentity(jobKey(s.name()))
                .withDescription("game day of experiment " + s.experiment())
                .usingJobData(SCHEDULE_KEY, s.name())
                .storeDurably()
                .requestRecovery(false)
                .build();
    }

    static Trigger trigger(ScheduleRecord s) {
        TriggerBuilder<Trigger> t = TriggerBuilder.newTrigger().withIdentity(triggerKey(s.name()))
                .forJob(jobKey(s.name()));
        if (s.cron() != null) {
            return t.startNow().withSchedule(CronScheduleBuilder.cronSchedule(s.cron())
                    .inTimeZone(TimeZone.getTimeZone(ZoneId.of(s.timeZone())))
                    .withMisfireHandlingInstructionDoNothing()).build();
        }
        return t.startAt(Date.from(s.at())).withSchedule(SimpleScheduleBuilder.simpleSchedule()
                .withRepeatCount(0)
                .withMisfireHandlingInstructionNextWithRemainingCount()).build();
    }

    /** A parsed cron expression in a zone; the message of an {@link InvalidRequestException} quotes Quartz's. */
    static CronExpression cron(String field, String expression, ZoneId zone) {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            return cron;
        } catch (ParseException e) {
            throw new InvalidRequestException(field + " '" + expression + "': " + e.getMessage() + " (Quartz cron: "
                    + "seconds minutes hours day-of-month month day-of-week [year], one of the two days '?'; e.g. "
                    + "'0 0 10 ? * TUE' for Tuesdays at 10:00)");
        }
    }

    /** Up to {@code count} fire times from {@code first} on, in the schedule's zone. */
    static List<NextFire> upcoming(ScheduleRecord s, Date first, int count) {
        ZoneId zone = ZoneId.of(s.timeZone());
        List<NextFire> next = new ArrayList<>();
        if (first == null) {
            return next;
        }
        next.add(NextFire.of(first.toInstant(), zone));
        if (s.cron() != null) {
            CronExpression cron = cron("cron", s.cron(), zone);
            Date at = first;
            while (next.size() < count && (at = cron.getNextValidTimeAfter(at)) != null) {
                next.add(NextFire.of(at.toInstant(), zone));
            }
        }
        return next;
    }

    /** The first fire of a cron expression after {@code now}, or null when it never fires again. */
    static Instant firstAfter(CronExpression cron, Instant now) {
        Date next = cron.getNextValidTimeAfter(Date.from(now));
        return next == null ? null : next.toInstant();
    }
}
