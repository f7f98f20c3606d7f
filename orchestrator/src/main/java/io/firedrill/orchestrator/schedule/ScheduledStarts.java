package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.run.RunRefusedException;
import io.firedrill.orchestrator.run.RunState;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import io.firedrill.orchestrator.store.ScheduleFire;
import io.firedrill.orchestrator.store.ScheduleFireStore;
import io.firedrill.orchestrator.store.ScheduleRecord;
import io.firedrill.orchestrator.store.ScheduleStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a fire of a schedule does, decided in one place and recorded every time. In order: a freeze window covering
 * the moment blocks it; so does the schedule's previous game day while its run is still in flight; the stored
 * experiment must still exist and be valid, or the fire fails; then the run engine starts a run, unless it refuses
 * (a HALT is in force), which blocks it. Every outcome becomes a {@link ScheduleFire}. Blocking: called on Quartz's
 * worker threads.
 */
public final class ScheduledStarts {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledStarts.class);
    private static final int PREVIOUS_LOOKBACK = 20;

    private final ScheduleStore schedules;
    private final ScheduleFireStore fires;
    private final FreezeWindows freezes;
    private final RunStore runs;
    private final RunEngine engine;
    private final ExperimentLoader experiments;
    private final Clock clock;

    public ScheduledStarts(ScheduleStore schedules, ScheduleFireStore fires, FreezeWindows freezes, RunStore runs,
            RunEngine engine, ExperimentLoader experiments, Clock clock) {
        this.schedules = schedules;
        this.fires = fires;
        this.freezes = freezes;
        this.runs = runs;
        this.engine = engine;
        this.experiments = experiments;
        this.clock = clock;
    }

    /** Handles a fire of {@code name} scheduled for {@code scheduledFor}; empty when nothing was recorded. */
    public Optional<ScheduleFire> fire(String name, Instant scheduledFor) {
        Optional<ScheduleRecord> found = schedules.find(name);
        if (found.isEmpty()) {
            // deleted between Quartz's fire and now: the job goes with the delete
            LOG.info("schedule {} fired for {} but no longer exists; nothing started", name, scheduledFor);
            return Optional.empty();
        }
        ScheduleRecord s = found.get();
        if (s.paused()) {
            LOG.info("schedule {} fired for {} while being paused; nothing started", name, scheduledFor);
            return Optional.empty();
        }
        // Checked at the moment the run would start, not the scheduled one: a fire a few seconds late into a
        // window would inject faults inside it.
        List<FreezeWindows.Covering> frozen = freezes.covering(clock.instant());
        if (!frozen.isEmpty()) {
            FreezeWindows.Covering first = frozen.get(0);
            String also = frozen.size() == 1 ? "" : " (and " + (frozen.size() - 1) + " more window(s))";
            return record(s, scheduledFor, ScheduleFire.Outcome.BLOCKED, first.explain() + also,
                    first.window().name(), null);
        }
        Optional<RunRecord> previous = previousInFlight(s);
        if (previous.isPresent()) {
            return record(s, scheduledFor, ScheduleFire.Outcome.BLOCKED, "the previous game day of this schedule, run "
                    + previous.get().id() + ", is still in flight (" + previous.get().state() + ")", null, null);
        }
        ExperimentLoader.Stored loaded;
        try {
            loaded = experiments.load(s.experiment());
        } catch (ExperimentLoader.Unavailable e) {
            return record(s, scheduledFor, ScheduleFire.Outcome.FAILED, e.getMessage(), null, null);
        }
        try {
            RunRecord run = engine.start(loaded.experiment(), loaded.source(), "schedule:" + name);
            return record(s, scheduledFor, ScheduleFire.Outcome.STARTED, null, null, run.id());
        } catch (RunRefusedException e) {
            return record(s, scheduledFor, ScheduleFire.Outcome.BLOCKED, e.getMessage(), null, null);
        } catch (RuntimeException e) {
            LOG.error("schedule {}: the run of {} could not start", name, s.experiment(), e);
            return record(s, scheduledFor, ScheduleFire.Outcome.FAILED, "the run could not start: " + e.getMessage(),
                    null, null);
        }
    }

    /**
     * Records a fire skipped under the misfire policy. A cron schedule missed while paused is not worth a line (its
     * next game day comes); a one-off that was paused past its time will never run, so that is said.
     */
    public void missed(String name, Instant scheduledFor) {
        Optional<ScheduleRecord> found = schedules.find(name);
        if (found.isEmpty()) {
            return;
        }
        ScheduleRecord s = found.get();
        if (s.paused() && s.cron() != null) {
            LOG.info("schedule {}: the game day of {} passed while paused; skipped", name, scheduledFor);
            return;
        }
        String why = s.paused() ? "the schedule was paused at its time" : "the orchestrator was down at its time";
        String then = s.cron() != null ? "; skipped, the next one comes at its time" : "";
        record(s, scheduledFor, ScheduleFire.Outcome.FAILED,
                "missed: " + why + "; a game day is not run late" + then, null, null);
    }

    /** The run of the schedule's last started game day, when it has not ended. */
    private Optional<RunRecord> previousInFlight(ScheduleRecord s) {
        return fires.list(s.name(), s.createdAt(), PREVIOUS_LOOKBACK).stream()
                .filter(f -> f.outcome() == ScheduleFire.Outcome.STARTED && f.runId() != null)
                .findFirst()
                .flatMap(f -> runs.find(f.runId()))
                .filter(r -> !RunState.valueOf(r.state()).terminal());
    }

    private Optional<ScheduleFire> record(ScheduleRecord s, Instant scheduledFor, ScheduleFire.Outcome outcome,
            String reason, String window, String runId) {
        ScheduleFire fire = fires.record(s.name(), scheduledFor, outcome, reason, window, runId);
        if (outcome == ScheduleFire.Outcome.STARTED) {
            LOG.info("schedule {}: game day of {} (due {}) started run {}", s.name(), s.experiment(), scheduledFor,
                    runId);
        } else {
            LOG.warn("schedule {}: game day of {} (due {}) {}: {}", s.name(), s.experiment(), scheduledFor,
                    outcome.label(), reason);
        }
        return Optional.of(fire);
    }
}
