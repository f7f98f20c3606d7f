package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link FreezeWindowStore} shows, whatever the database. */
abstract class FreezeWindowStoreContract extends StoreContract {

    private static FreezeWindowRecord weekly(String name) {
        return new FreezeWindowRecord(name, FreezeWindowRecord.Kind.WEEKLY, "Europe/Paris", null, null,
                "FRI 18:00-MON 08:00", List.of(), "change freeze", "alice", null);
    }

    @Test
    void eachKindReadsBackAsStoredAcrossARestartStampedWithTheStoresClock() {
        FreezeWindowRecord dates = db.freezeWindows().create(new FreezeWindowRecord("xmas-week",
                FreezeWindowRecord.Kind.DATES, "UTC", Instant.parse("2026-12-24T00:00:00.0000001Z"),
                Instant.parse("2027-01-01T00:00:00Z"), null, List.of(), "year end", "alice", Instant.EPOCH));
        FreezeWindowRecord weekend = db.freezeWindows().create(weekly("weekend"));
        FreezeWindowRecord holidays = db.freezeWindows().create(new FreezeWindowRecord("holidays",
                FreezeWindowRecord.Kind.HOLIDAYS, "Pacific/Auckland", null, null, null,
                List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")), "closed", "bob", null));

        assertThat(dates.createdAt()).isEqualTo(NOW_IN_MICROS);
        assertThat(dates.startsAt()).isEqualTo(Instant.parse("2026-12-24T00:00:00Z"));
        assertThat(weekend).isEqualTo(new FreezeWindowRecord("weekend", FreezeWindowRecord.Kind.WEEKLY,
                "Europe/Paris", null, null, "FRI 18:00-MON 08:00", List.of(), "change freeze", "alice",
                NOW_IN_MICROS));
        assertThat(holidays.holidays()).containsExactly(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01"));
        Database restarted = reopen();
        assertThat(restarted.freezeWindows().list()).containsExactly(holidays, weekend, dates);
        assertThat(restarted.freezeWindows().find("weekend")).contains(weekend);
    }

    @Test
    void aTakenNameIsRefused() {
        db.freezeWindows().create(weekly("weekend"));

        assertThatThrownBy(() -> db.freezeWindows().create(weekly("weekend")))
                .isInstanceOf(DuplicateException.class)
                .hasMessage("a freeze window named 'weekend' already exists; delete it first or choose another name");
        assertThat(db.freezeWindows().list()).hasSize(1);
    }

    @Test
    void deletingSaysWhetherThereWasOne() {
        db.freezeWindows().create(weekly("weekend"));

        assertThat(db.freezeWindows().delete("weekend")).isTrue();
        assertThat(db.freezeWindows().delete("weekend")).isFalse();
        assertThat(db.freezeWindows().find("weekend")).isEmpty();
    }
}
