package io.firedrill.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firedrill.model.Experiment;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.fault.FaultServiceConfig;
import io.firedrill.orchestrator.probe.ProbeService;
import io.firedrill.orchestrator.run.AgentProbeFeed;
import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.orchestrator.store.FreezeWindowRecord;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.ScheduleFire;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fires do besides starting a run: game days missed while no scheduler ran or while paused (with a misfire
 * threshold of 1 s instead of 60, so the tests need not wait a minute), a previous game day still in flight, a freeze
 * window. No agent is connected, so a run that does start aborts in preflight.
 */
class GameDayFiresTest {
    private static final ScheduleConfig QUICK = new ScheduleConfig(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(1), 2);
    private static final Experiment BLACKOUT = new ModelLoader(ClasspathEstateResolver.catalog())
            .loadExperiment(Source.classpath("catalog/region-blackout.yaml")).value().orElseThrow();

    @TempDir
    Path dir;
    private Database db;
    private Vertx vertx;
    private RunEngine engine;
    private GameDays gameDays;

    @BeforeEach
    void open() {
        db = Database.open(DbConfig.h2(dir));
        vertx = Vertx.vertx();
        Clock clock = Clock.systemUTC();
        AgentHub hub = new AgentHub(vertx, db.enrollments(), db.agents(), clock);
        engine = new RunEngine(db.runs(), hub, new FaultService(vertx, hub, clock, FaultServiceConfig.defaults()),
                new AgentProbeFeed(new ProbeService(vertx, hub, clock)), dir.resolve("runs"), clock, "test",
                db.approvals());
    }

    @AfterEach
    void close() {
        if (gameDays != null) {
            gameDays.close();
        }
        engine.close();
        vertx.close();
        db.close();
    }

    private GameDays startGameDays() throws Exception {
        gameDays = new GameDays(db, engine, name -> new ExperimentLoader.Stored(BLACKOUT, "region-blackout.yaml"),
                Clock.systemUTC(), "test-" + System.nanoTime(), QUICK);
        gameDays.start();
        return gameDays;
    }

    private void stopGameDays() {
        gameDays.close();
        gameDays = null;
    }

    private static void awaitPast(Instant instant) {
        await("the clock passes " + instant).atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(instant));
    }

    @Test
    void aOneOffWhoseTimePassedWhileNoSchedulerRanIsRecordedAsMissedAndDoesNotRunLate() throws Exception {
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        startGameDays().create(new ScheduleRequest("once", "blackout", null, at.toString(), null), "alice");
        stopGameDays();
        awaitPast(at.plus(QUICK.misfireThreshold()).plusSeconds(1));

        GameDays restarted = startGameDays();

        await("the missed fire is recorded").atMost(Duration.ofSeconds(10))
                .until(() -> !db.scheduleFires().list("once", Instant.EPOCH, 10).isEmpty());
        await("nothing else happens").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> db.scheduleFires().list("once", Instant.EPOCH, 10).size() == 1);
        ScheduleFire fire = db.scheduleFires().list("once", Instant.EPOCH, 10).get(0);
        assertThat(fire.outcome()).isEqualTo(ScheduleFire.Outcome.FAILED);
        assertThat(fire.scheduledFor()).isEqualTo(at);
        assertThat(fire.reason()).isEqualTo("missed: the orchestrator was down at its time; a game day is not run "
                + "late");
        assertThat(restarted.find("once").orElseThrow().nextFires()).isEmpty();
    }

    @Test
    void aCronGameDayMissedWhileNoSchedulerRanIsSkippedNotRunLateAndTheNextOnesComeAtTheirTime() throws Exception {
        startGameDays().create(new ScheduleRequest("often", "blackout", "*/2 * * * * ?", null, null), "alice");
        stopGameDays();
        Instant stopped = Instant.now();
        awaitPast(stopped.plusSeconds(5));
        Instant restartedAt = Instant.now();

        startGameDays();

        await("a game day started after the restart").atMost(Duration.ofSeconds(15))
                .until(() -> db.scheduleFires().list("often", Instant.EPOCH, 50).stream()
                        .anyMatch(f -> f.scheduledFor().isAfter(restartedAt)
                                && f.outcome() == ScheduleFire.Outcome.STARTED));
        // handled after the stop, due before the restart (the last second before it is still within the threshold)
        List<ScheduleFire> duringTheGap = db.scheduleFires().list("often", Instant.EPOCH, 50).stream()
                .filter(f -> f.firedAt().isAfter(stopped) && f.scheduledFor().isBefore(restartedAt.minusSeconds(1)))
                .toList();
        assertThat(duringTheGap).hasSize(1);
        assertThat(duringTheGap.get(0).reason()).isEqualTo("missed: the orchestrator was down at its time; a game "
                + "day is not run late; skipped, the next one comes at its time");
        assertThat(db.scheduleFires().list("often", Instant.EPOCH, 50))
                .filteredOn(f -> f.scheduledFor().isAfter(restartedAt))
                .allMatch(f -> f.reason() == null || !f.reason().startsWith("missed"));
        String started = db.scheduleFires().list("often", Instant.EPOCH, 50).stream()
                .filter(f -> f.outcome() == ScheduleFire.Outcome.STARTED).findFirst().orElseThrow().runId();
        assertThat(db.runs().find(started)).get().extracting(RunRecord::startedBy).as("who started " + started)
                .isEqualTo("schedule:often");
    }

    @Test
    void aOneOffPausedPastItsTimeIsRecordedAsMissedWhenResumed() throws Exception {
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        GameDays days = startGameDays();
        days.create(new ScheduleRequest("once", "blackout", null, at.toString(), null), "alice");
        days.pause("once", "alice");
        awaitPast(at.plus(QUICK.misfireThreshold()).plusSeconds(1));
        assertThat(db.scheduleFires().list("once", Instant.EPOCH, 10)).isEmpty();

        days.resume("once", "bob");

        assertThat(db.scheduleFires().list("once", Instant.EPOCH, 10)).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(ScheduleFire.Outcome.FAILED);
            assertThat(f.reason()).isEqualTo("missed: the schedule was paused at its time; a game day is not run late");
        });
    }

    @Test
    void aFireWhileThePreviousGameDayOfTheScheduleIsStillInFlightIsBlockedNamingItsRun() throws Exception {
        startGameDays().create(new ScheduleRequest("weekly", "blackout", "0 0 10 ? * TUE", null, null), "alice");
        db.runs().create("r-previous", "blackout", "text", "OBSERVE", Instant.now(), "elsewhere",
                "schedule:nightly");
        db.scheduleFires().record("weekly", Instant.now(), ScheduleFire.Outcome.STARTED, null, null, "r-previous");
        ScheduledStarts starts = new ScheduledStarts(db.schedules(), db.scheduleFires(), gameDays.freezeWindows(),
                db.runs(), engine, name -> new ExperimentLoader.Stored(null, "never loaded"), Clock.systemUTC());

        ScheduleFire fire = starts.fire("weekly", Instant.now()).orElseThrow();

        assertThat(fire.outcome()).isEqualTo(ScheduleFire.Outcome.BLOCKED);
        assertThat(fire.reason()).isEqualTo("the previous game day of this schedule, run r-previous, is still in "
                + "flight (OBSERVE)");
    }

    @Test
    void aFireInsideAFreezeWindowIsBlockedWithTheWindowsNameRuleAndReasonBeforeTheExperimentIsLoaded()
            throws Exception {
        startGameDays().create(new ScheduleRequest("weekly", "blackout", "0 0 10 ? * TUE", null, null), "alice");
        db.freezeWindows().create(new FreezeWindowRecord("xmas", FreezeWindowRecord.Kind.HOLIDAYS, "Europe/Paris",
                null, null, null, List.of(java.time.LocalDate.parse("2026-12-25")), "closed", "bob", null));
        Clock christmas = Clock.fixed(Instant.parse("2026-12-25T09:00:00Z"), java.time.ZoneOffset.UTC);
        ScheduledStarts starts = new ScheduledStarts(db.schedules(), db.scheduleFires(),
                new FreezeWindows(db.freezeWindows(), christmas), db.runs(), engine, name -> {
                    throw new AssertionError("a frozen fire loads nothing");
                }, christmas);

        ScheduleFire fire = starts.fire("weekly", christmas.instant()).orElseThrow();

        assertThat(fire.outcome()).isEqualTo(ScheduleFire.Outcome.BLOCKED);
        assertThat(fire.freezeWindow()).isEqualTo("xmas");
        assertThat(fire.reason()).isEqualTo("inside freeze window 'xmas' (holidays 2026-12-25 (Europe/Paris)): closed");
        assertThat(fire.runId()).isNull();
    }
}
