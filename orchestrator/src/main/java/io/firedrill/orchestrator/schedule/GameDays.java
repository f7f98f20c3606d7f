package io.firedrill.orchestrator.schedule;

import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.ScheduleFire;
import io.firedrill.orchestrator.store.ScheduleFireStore;
import io.firedrill.orchestrator.store.ScheduleRecord;
import io.firedrill.orchestrator.store.ScheduleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Game-day schedules: what the API calls. A schedule is a row of {@code schedule} (what was asked, who asked) plus a
 * Quartz job and trigger of the same name (when it fires next, shared by every orchestrator on the database). The
 * row is written first, so a name is taken once; Quartz follows, and at start {@link #reconcile} repairs the rare
 * crash between the two. Blocking (JDBC): call from a worker.
 */
public final class GameDays implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GameDays.class);
    private static final int NEXT_FIRES = 3;

    private final Database db;
    private final ScheduleStore schedules;
    private final ScheduleFireStore fires;
    private final FreezeWindows freezes;
    private final ScheduledStarts starts;
    private final ExperimentLoader experiments;
    private final Clock clock;
    private final String instanceId;
    private final ScheduleConfig config;
    private final InterruptShield shield = new InterruptShield();
    private Scheduler scheduler;

    /** @param instanceId this orchestrator process, unique among those sharing the database (Quartz's instance id) */
    public GameDays(Database db, RunEngine engine, ExperimentLoader experiments, Clock clock, String instanceId) {
        this(db, engine, experiments, clock, instanceId, ScheduleConfig.defaults());
    }

    public GameDays(Database db, RunEngine engine, ExperimentLoader experiments, Clock clock, String instanceId,
            ScheduleConfig config) {
        this.db = db;
        this.schedules = db.schedules();
        this.fires = db.scheduleFires();
        this.freezes = new FreezeWindows(db.freezeWindows(), clock);
        this.starts = new ScheduledStarts(schedules, fires, freezes, db.runs(), engine, experiments, clock);
        this.experiments = experiments;
        this.clock = clock;
        this.instanceId = instanceId;
        this.config = config;
    }

    /** Builds Quartz on the database, repairs what a crash left half done, and starts firing. Blocking. */
    public void start() throws SchedulerException {
        scheduler = QuartzSetup.build(db.dataSource(), db.dialect(), instanceId, config, shield);
        scheduler.setJobFactory((bundle, s) -> {
            if (bundle.getJobDetail().getJobClass() != GameDayJob.class) {
                throw new SchedulerException("unknown job class " + bundle.getJobDetail().getJobClass().getName());
            }
            return new GameDayJob(starts);
        });
        // before start(): a non-clustered job store handles the misfires of the time it was down while starting
        scheduler.getListenerManager().addTriggerListener(new MissedFires(starts),
                GroupMatcher.triggerGroupEquals(Triggers.GROUP));
        reconcile();
        scheduler.start();
        LOG.info("game-day scheduler started ({} schedule(s), Quartz job store on {}{})", schedules.list().size(),
                db.dialect().label(), scheduler.getMetaData().isJobStoreClustered() ? ", clustered" : "");
    }

    public FreezeWindows freezeWindows() {
        return freezes;
    }

    /**
     * Checks and stores a schedule and hands it to Quartz. An {@link InvalidRequestException} names what is wrong
     * (nothing stored); a {@link io.firedrill.orchestrator.store.DuplicateException} says the name is taken.
     */
    public ScheduleView create(ScheduleRequest r, String actor) throws SchedulerException {
        ZoneId zone = Times.zone("timeZone", r.timeZone(), Times.UTC);
        Instant at = checked(r, zone);
        ScheduleRecord s = schedules.create(r.name(), r.experiment(), r.cron(), at, zone.getId(), actor);
        try {
            scheduler.scheduleJob(Triggers.job(s), Set.of(Triggers.trigger(s)), true);
        } catch (SchedulerException | RuntimeException e) {
            schedules.delete(s.name());
            throw e;
        }
        LOG.info("schedule {} created by {}: experiment {}, {}", s.name(), actor, s.experiment(),
                s.cron() != null ? "cron '" + s.cron() + "' in " + s.timeZone() : "once at " + s.at());
        return view(s);
    }

    /** Checks every field of a request; returns the one-off's instant (null for a cron schedule). */
    private Instant checked(ScheduleRequest r, ZoneId zone) {
        FreezeWindows.name("name", r.name());
        if (r.experiment() == null || r.experiment().isBlank()) {
            throw new InvalidRequestException("experiment is required; expected the name of a stored experiment");
        }
        if ((r.cron() == null) == (r.at() == null)) {
            throw new InvalidRequestException("give exactly one of cron (a recurring game day) or at (a one-off); got "
                    + (r.cron() == null ? "neither" : "both"));
        }
        Instant now = clock.instant();
        Instant at = null;
        if (r.cron() != null) {
            if (Triggers.firstAfter(Triggers.cron("cron", r.cron(), zone), now) == null) {
                throw new InvalidRequestException("cron '" + r.cron() + "' never fires after " + now
                        + "; expected an expression with a time to come");
            }
        } else {
            at = Times.instant("at", r.at(), zone, false);
            if (!at.isAfter(now)) {
                throw new InvalidRequestException("at '" + r.at() + "' is in the past (now is " + now
                        + "); expected a time to come");
            }
        }
        try {
            experiments.load(r.experiment());
        } catch (ExperimentLoader.Unavailable e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return at;
    }

    public List<ScheduleView> list() throws SchedulerException {
        List<ScheduleView> views = new ArrayList<>();
        for (ScheduleRecord s : schedules.list()) {
            views.add(view(s));
        }
        return views;
    }

    public Optional<ScheduleView> find(String name) throws SchedulerException {
        Optional<ScheduleRecord> s = schedules.find(name);
        return s.isEmpty() ? Optional.empty() : Optional.of(view(s.get()));
    }

    /** Removes the schedule and its Quartz job; its fires stay in the table. False when there was none. */
    public boolean delete(String name, String actor) throws SchedulerException {
        if (!schedules.delete(name)) {
            return false;
        }
        scheduler.deleteJob(Triggers.jobKey(name));
        LOG.info("schedule {} deleted by {}", name, actor);
        return true;
    }

    public Optional<ScheduleView> pause(String name, String actor) throws SchedulerException {
        Optional<ScheduleRecord> s = schedules.setPaused(name, true, actor);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        scheduler.pauseJob(Triggers.jobKey(name));
        LOG.info("schedule {} paused by {}", name, actor);
        return Optional.of(view(s.get()));
    }

    /**
     * Quartz resumes first, while the row still says paused: a fire time passed meanwhile is a misfire, and
     * {@link ScheduledStarts#missed} then words it as missed while paused.
     */
    public Optional<ScheduleView> resume(String name, String actor) throws SchedulerException {
        if (schedules.find(name).isEmpty()) {
            return Optional.empty();
        }
        scheduler.resumeJob(Triggers.jobKey(name));
        Optional<ScheduleRecord> s = schedules.setPaused(name, false, actor);
        LOG.info("schedule {} resumed by {}", name, actor);
        return s.isEmpty() ? Optional.empty() : Optional.of(view(s.get()));
    }

    /** The schedule's fires since it was created, newest first; empty when there is no such schedule. */
    public Optional<List<ScheduleFire>> fires(String name, int limit) {
        return schedules.find(name).map(s -> fires.list(name, s.createdAt(), limit));
    }

    /**
     * Makes Quartz agree with the schedule table: a schedule without its job (a crash right after the row was
     * written) gets one, unless it is a one-off whose time has passed; a job without its schedule (a crash during a
     * delete) goes; the paused flag of the table wins. Idempotent, so orchestrators starting together do no harm.
     */
    void reconcile() throws SchedulerException {
        Instant now = clock.instant();
        List<ScheduleRecord> all = schedules.list();
        for (ScheduleRecord s : all) {
            JobKey key = Triggers.jobKey(s.name());
            if (!scheduler.checkExists(key)) {
                if (s.cron() == null && !s.at().isAfter(now)) {
                    continue;
                }
                LOG.warn("schedule {} had no Quartz job (an interrupted create?); scheduling it", s.name());
                scheduler.scheduleJob(Triggers.job(s), Set.of(Triggers.trigger(s)), true);
            }
            Trigger.TriggerState state = scheduler.getTriggerState(Triggers.triggerKey(s.name()));
            if (s.paused() && state != Trigger.TriggerState.PAUSED && state != Trigger.TriggerState.NONE) {
                scheduler.pauseJob(key);
            } else if (!s.paused() && state == Trigger.TriggerState.PAUSED) {
                scheduler.resumeJob(key);
            }
        }
        Set<String> names = new HashSet<>(all.stream().map(ScheduleRecord::name).toList());
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(Triggers.GROUP))) {
            if (!names.contains(key.getName())) {
                LOG.warn("Quartz job {} has no schedule (an interrupted delete?); deleting it", key.getName());
                scheduler.deleteJob(key);
            }
        }
    }

    private ScheduleView view(ScheduleRecord s) throws SchedulerException {
        Trigger trigger = s.paused() ? null : scheduler.getTrigger(Triggers.triggerKey(s.name()));
        List<NextFire> next = Triggers.upcoming(s, trigger == null ? null : trigger.getNextFireTime(), NEXT_FIRES);
        return ScheduleView.of(s, next, fires.last(s.name(), s.createdAt()).orElse(null));
    }

    /** Stops firing and waits for a fire being handled to finish; runs already started are the engine's. */
    @Override
    public void close() {
        if (scheduler == null) {
            return;
        }
        try {
            QuartzSetup.shutdown(scheduler);
        } catch (SchedulerException e) {
            LOG.warn("game-day scheduler did not stop cleanly: {}", e.toString());
        } finally {
            shield.close();
        }
    }
}
