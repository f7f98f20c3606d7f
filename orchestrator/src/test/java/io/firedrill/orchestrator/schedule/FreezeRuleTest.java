package io.firedrill.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.orchestrator.store.FreezeWindowRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a freeze window covers an instant, in its zone. Documented ends: every start is inside and every end
 * outside; a date given as the end of a date range includes that whole day; a holiday is the local day from
 * midnight to midnight; weekly times are wall-clock, so a range keeps its local hours across a DST change.
 */
class FreezeRuleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void aWeeklyRangeKeepsItsLocalHoursOnTheNightClocksGoForwardAndIsAnHourShorter() {
        // 2026-03-29, Sunday: Paris goes from 02:00 CET to 03:00 CEST
        FreezeRule night = new FreezeRule.Weekly(WeeklyRange.parse("weekly", "SUN 01:00-04:00"), PARIS);

        assertThat(night.covers(Instant.parse("2026-03-28T23:59:59Z"))).isFalse(); // 00:59:59 CET
        assertThat(night.covers(Instant.parse("2026-03-29T00:00:00Z"))).isTrue(); // 01:00 CET
        assertThat(night.covers(Instant.parse("2026-03-29T01:30:00Z"))).isTrue(); // 03:30 CEST
        assertThat(night.covers(Instant.parse("2026-03-29T01:59:59Z"))).isTrue(); // 03:59:59 CEST
        assertThat(night.covers(Instant.parse("2026-03-29T02:00:00Z"))).isFalse(); // 04:00 CEST: 2 real hours in all
    }

    @Test
    void aWeeklyRangeOnTheNightClocksGoBackCoversTheRepeatedHourTwiceAndLastsAnHourLonger() {
        // 2026-10-25, Sunday: Paris goes from 03:00 CEST back to 02:00 CET
        FreezeRule night = new FreezeRule.Weekly(WeeklyRange.parse("weekly", "SUN 01:00-04:00"), PARIS);

        assertThat(night.covers(Instant.parse("2026-10-24T22:59:59Z"))).isFalse(); // 00:59:59 CEST
        assertThat(night.covers(Instant.parse("2026-10-24T23:00:00Z"))).isTrue(); // 01:00 CEST
        assertThat(night.covers(Instant.parse("2026-10-25T00:30:00Z"))).isTrue(); // 02:30 CEST
        assertThat(night.covers(Instant.parse("2026-10-25T01:30:00Z"))).isTrue(); // 02:30 CET, the second time
        assertThat(night.covers(Instant.parse("2026-10-25T02:59:59Z"))).isTrue(); // 03:59:59 CET
        assertThat(night.covers(Instant.parse("2026-10-25T03:00:00Z"))).isFalse(); // 04:00 CET: 4 real hours in all
    }

    @Test
    void aHolidayIsTheWholeLocalDayInItsZoneNotTheUtcDay() {
        FreezeRule christmas = new FreezeRule.Holidays(List.of(LocalDate.parse("2026-12-25")), AUCKLAND);

        // Auckland is UTC+13 in December: its 25th runs from 24 Dec 11:00Z to 25 Dec 11:00Z
        assertThat(christmas.covers(Instant.parse("2026-12-24T10:59:59Z"))).isFalse();
        assertThat(christmas.covers(Instant.parse("2026-12-24T11:00:00Z"))).isTrue();
        assertThat(christmas.covers(Instant.parse("2026-12-25T10:59:59Z"))).isTrue();
        assertThat(christmas.covers(Instant.parse("2026-12-25T11:00:00Z"))).isFalse();
        assertThat(christmas.describe()).isEqualTo("holidays 2026-12-25 (Pacific/Auckland)");
    }

    @Test
    void aHolidayOnADstChangeLastsTwentyThreeHours() {
        FreezeRule changeDay = new FreezeRule.Holidays(List.of(LocalDate.parse("2026-03-29")), PARIS);

        assertThat(changeDay.covers(Instant.parse("2026-03-28T22:59:59Z"))).isFalse(); // 23:59:59 CET on the 28th
        assertThat(changeDay.covers(Instant.parse("2026-03-28T23:00:00Z"))).isTrue(); // midnight CET
        assertThat(changeDay.covers(Instant.parse("2026-03-29T21:59:59Z"))).isTrue(); // 23:59:59 CEST
        assertThat(changeDay.covers(Instant.parse("2026-03-29T22:00:00Z"))).isFalse(); // 23 h after it began
    }

    @Test
    void aDateRangeIncludesItsFromAndExcludesItsToAndADateAsToIncludesThatWholeDay() {
        Instant from = Times.instant("from", "2026-12-24", PARIS, false);
        Instant to = Times.instant("to", "2026-12-26", PARIS, true);
        FreezeRule holidays = new FreezeRule.Dates(from, to, PARIS);

        assertThat(from).isEqualTo(Instant.parse("2026-12-23T23:00:00Z"));
        assertThat(to).isEqualTo(Instant.parse("2026-12-26T23:00:00Z"));
        assertThat(holidays.covers(from.minusSeconds(1))).isFalse();
        assertThat(holidays.covers(from)).isTrue();
        assertThat(holidays.covers(Instant.parse("2026-12-26T22:59:59Z"))).isTrue(); // 26th, 23:59:59 in Paris
        assertThat(holidays.covers(to)).isFalse();
        assertThat(holidays.describe()).isEqualTo("from 2026-12-24T00:00+01:00 to 2026-12-27T00:00+01:00 "
                + "(Europe/Paris)");
    }

    @Test
    void instantsWithAnOffsetAreTakenAsTheyAreAndLocalTimesInTheZone() {
        assertThat(Times.instant("to", "2026-12-24T18:00:00Z", PARIS, true))
                .isEqualTo(Instant.parse("2026-12-24T18:00:00Z"));
        assertThat(Times.instant("from", "2026-07-01T09:00", PARIS, false))
                .isEqualTo(Instant.parse("2026-07-01T07:00:00Z"));
    }

    @Test
    void aStoredWindowReadsBackAsTheRuleItWasCreatedWith() {
        FreezeWindowRecord stored = new FreezeWindowRecord("weekend", FreezeWindowRecord.Kind.WEEKLY, "Europe/Paris",
                null, null, "FRI 18:00-MON 08:00", List.of(), "change freeze", "alice", Instant.EPOCH);

        FreezeRule rule = FreezeRule.of(stored);

        assertThat(rule.describe()).isEqualTo("weekly FRI 18:00-MON 08:00 (Europe/Paris)");
        assertThat(rule.covers(Instant.parse("2026-11-28T12:00:00Z"))).isTrue(); // Saturday
        assertThat(rule.covers(Instant.parse("2026-11-25T12:00:00Z"))).isFalse(); // Wednesday
    }
}
