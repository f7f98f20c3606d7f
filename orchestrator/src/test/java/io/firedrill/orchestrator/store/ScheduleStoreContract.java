package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ScheduleStore} and {@link ScheduleFireStore} shows, whatever the database. */
abstract class ScheduleStoreContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00.123456789Z");

    @Test
    void aCronScheduleAndAOneOffReadBackAsStoredAcrossARestart() {
        ScheduleRecord weekly = db.schedules().create("weekly", "region-blackout", "0 0 10 ? * TUE", null,
                "Europe/Paris", "alice");
        ScheduleRecord once = db.schedules().create("once", "replication-lag", null, AT, "UTC", "bob");

        assertThat(weekly).isEqualTo(new ScheduleRecord("weekly", "region-blackout", "0 0 10 ? * TUE", null,
                "Europe/Paris", false, "alice", NOW_IN_MICROS, "alice", NOW_IN_MICROS));
        assertThat(once.at()).isEqualTo(Instant.parse("2026-12-01T09:00:00.123456Z"));
        Database restarted = reopen();
        assertThat(restarted.schedules().list()).containsExactly(once, weekly);
        assertThat(restarted.schedules().find("weekly")).contains(weekly);
        assertThat(restarted.schedules().find("nope")).isEmpty();
    }

    @Test
    void aTakenNameIsRefusedAndTheFirstScheduleStays() {
        ScheduleRecord first = db.schedules().create("weekly", "region-blackout", "0 0 10 ? * TUE", null, "UTC", "a");

        assertThatThrownBy(() -> db.schedules().create("weekly", "other", null, AT, "UTC", "b"))
                .isInstanceOf(DuplicateException.class)
                .hasMessage("a schedule named 'weekly' already exists; delete it first or choose another name");
        assertThat(db.schedules().list()).containsExactly(first);
    }

    @Test
    void aScheduleHasExactlyOneOfCronAndAt() {
        assertThatThrownBy(() -> db.schedules().create("x", "e", "0 0 10 ? * TUE", AT, "UTC", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a schedule has exactly one of cron and at; got both");
        assertThatThrownBy(() -> db.schedules().create("x", "e", null, null, "UTC", "a"))
                .hasMessage("a schedule has exactly one of cron and at; got neither");
        assertThat(db.schedules().list()).isEmpty();
    }

    @Test
    void pausingAndResumingRecordWhoAndWhenAndLeaveTheRest() {
        ScheduleRecord created = db.schedules().create("weekly", "region-blackout", "0 0 10 ? * TUE", null, "UTC",
                "alice");
        Database later = reopen(Clock.fixed(NOW.plusSeconds(90), ZoneOffset.UTC));

        ScheduleRecord paused = later.schedules().setPaused("weekly", true, "bob").orElseThrow();

        assertThat(paused).isEqualTo(new ScheduleRecord("weekly", "region-blackout", "0 0 10 ? * TUE", null, "UTC",
                true, "alice", created.createdAt(), "bob", NOW_IN_MICROS.plusSeconds(90)));
        assertThat(later.schedules().setPaused("weekly", false, "carol").orElseThrow())
                .extracting(ScheduleRecord::paused, ScheduleRecord::updatedBy).containsExactly(false, "carol");
        assertThat(later.schedules().setPaused("nope", true, "bob")).isEmpty();
    }

    @Test
    void deletingRemovesTheScheduleButKeepsItsFires() {
        db.schedules().create("weekly", "region-blackout", "0 0 10 ? * TUE", null, "UTC", "alice");
        db.scheduleFires().record("weekly", AT, ScheduleFire.Outcome.STARTED, null, null, "r-1");

        assertThat(db.schedules().delete("weekly")).isTrue();
        assertThat(db.schedules().delete("weekly")).isFalse();
        assertThat(db.schedules().find("weekly")).isEmpty();
        assertThat(db.scheduleFires().list("weekly", Instant.EPOCH, 10)).hasSize(1);
    }

    @Test
    void firesListNewestFirstWithEveryOutcomeAndALimit() throws SQLException {
        ScheduleFire started = db.scheduleFires().record("weekly", AT, ScheduleFire.Outcome.STARTED, null, null,
                "r-1");
        Database later = reopen(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        ScheduleFire blocked = later.scheduleFires().record("weekly", AT.plusSeconds(60),
                ScheduleFire.Outcome.BLOCKED, "inside freeze window 'xmas'", "xmas", null);
        later = reopen(Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));
        ScheduleFire failed = later.scheduleFires().record("weekly", AT.plusSeconds(120),
                ScheduleFire.Outcome.FAILED, "experiment 'x' is not stored", null, null);
        later.scheduleFires().record("other", AT, ScheduleFire.Outcome.STARTED, null, null, "r-2");

        assertThat(later.scheduleFires().list("weekly", Instant.EPOCH, 10)).containsExactly(failed, blocked, started);
        assertThat(later.scheduleFires().list("weekly", Instant.EPOCH, 2)).containsExactly(failed, blocked);
        assertThat(later.scheduleFires().last("weekly", Instant.EPOCH)).contains(failed);
        assertThat(later.scheduleFires().last("nope", Instant.EPOCH)).isEmpty();
        assertThat(blocked).extracting(ScheduleFire::scheduledFor, ScheduleFire::firedAt, ScheduleFire::outcome,
                ScheduleFire::freezeWindow).containsExactly(Instant.parse("2026-12-01T09:01:00.123456Z"),
                NOW_IN_MICROS.plusSeconds(60), ScheduleFire.Outcome.BLOCKED, "xmas");
        assertThat(query("SELECT outcome FROM schedule_fire WHERE id = ?", failed.id()))
                .extracting(row -> row.get("outcome")).containsExactly("failed");
    }

    @Test
    void firesAreReadFromAGivenMomentOnSoASchedulesHistoryStartsAtItsCreation() {
        ScheduleFire old = db.scheduleFires().record("weekly", AT, ScheduleFire.Outcome.STARTED, null, null, "r-1");
        Database later = reopen(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        ScheduleFire recent = later.scheduleFires().record("weekly", AT.plusSeconds(60), ScheduleFire.Outcome.STARTED,
                null, null, "r-2");

        assertThat(later.scheduleFires().list("weekly", NOW_IN_MICROS, 10)).containsExactly(recent, old);
        assertThat(later.scheduleFires().list("weekly", NOW_IN_MICROS.plusSeconds(60), 10)).containsExactly(recent);
        assertThat(later.scheduleFires().list("weekly", NOW_IN_MICROS.plusSeconds(61), 10)).isEmpty();
    }

    @Test
    void aVeryLongReasonIsCutNotRefused() {
        ScheduleFire fire = db.scheduleFires().record("weekly", AT, ScheduleFire.Outcome.FAILED, "x".repeat(5000),
                null, null);

        assertThat(fire.reason()).hasSize(2000).endsWith("...");
        assertThat(db.scheduleFires().list("weekly", Instant.EPOCH, 1)).extracting(ScheduleFire::reason)
                .containsExactly(fire.reason());
    }

    @Test
    void quartzJobStoreTablesComeWithTheMigrationsOfTheDatabasesOwnVendor() throws SQLException {
        for (String table : List.of("QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_LOCKS",
                "QRTZ_SCHEDULER_STATE", "QRTZ_FIRED_TRIGGERS")) {
            assertThat(query("SELECT COUNT(*) AS n FROM " + table)).as(table)
                    .extracting(row -> ((Number) row.get("n")).intValue()).containsExactly(0);
        }
    }
}
