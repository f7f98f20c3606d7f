package io.firedrill.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Weekly ranges in local wall-clock time: starts inclusive, ends exclusive, across midnight and the week's end. */
class WeeklyRangeTest {
    /** 2026-11-27 is a Friday. */
    private static LocalDateTime fri(int h, int m) {
        return LocalDateTime.of(2026, 11, 27, h, m);
    }

    @Test
    void aRangeAcrossTheWeekendCoversFridayEveningToMondayMorningWithTheStartInsideAndTheEndOutside() {
        WeeklyRange weekend = WeeklyRange.parse("weekly", "FRI 18:00-MON 08:00");

        assertThat(weekend.covers(fri(17, 59))).isFalse();
        assertThat(weekend.covers(fri(18, 0))).isTrue();
        assertThat(weekend.covers(fri(23, 59))).isTrue();
        assertThat(weekend.covers(fri(0, 0).plusDays(1))).isTrue(); // Saturday midnight
        assertThat(weekend.covers(fri(12, 0).plusDays(2))).isTrue(); // Sunday noon
        assertThat(weekend.covers(fri(7, 59).plusDays(3))).isTrue(); // Monday 07:59
        assertThat(weekend.covers(fri(8, 0).plusDays(3))).isFalse(); // Monday 08:00: the end is outside
        assertThat(weekend.covers(fri(12, 0).plusDays(4))).isFalse(); // Tuesday
    }

    @Test
    void sameHoursOnEachListedDayRunPastMidnightWhenTheEndComesFirst() {
        WeeklyRange nights = WeeklyRange.parse("weekly", "mon-fri 22:00-06:00");

        assertThat(nights.text()).isEqualTo("MON-FRI 22:00-06:00");
        assertThat(nights.covers(fri(22, 0))).isTrue();
        assertThat(nights.covers(fri(5, 59).plusDays(1))).isTrue(); // Saturday early: Friday's night
        assertThat(nights.covers(fri(22, 0).plusDays(1))).isFalse(); // Saturday night is not listed
        assertThat(nights.covers(fri(6, 0))).isFalse();
        assertThat(nights.covers(fri(12, 0))).isFalse();
        assertThat(nights.covers(fri(2, 0).minusDays(4))).isFalse(); // Monday 02:00: Sunday night is not listed
        assertThat(nights.covers(fri(2, 0).minusDays(3))).isTrue(); // Tuesday 02:00: Monday's night
    }

    @Test
    void twentyFourHundredEndsAtTheNextMidnightAndSeveralRangesJoinWithSemicolons() {
        WeeklyRange range = WeeklyRange.parse("weekly", "SAT,SUN 00:00-24:00; Wednesday 12:00 - 13:30");

        assertThat(range.text()).isEqualTo("SAT,SUN 00:00-24:00; WED 12:00-13:30");
        assertThat(range.covers(fri(0, 0).plusDays(1))).isTrue();
        assertThat(range.covers(fri(23, 59).plusDays(2))).isTrue();
        assertThat(range.covers(fri(0, 0).plusDays(3))).isFalse();
        assertThat(range.covers(fri(13, 29).minusDays(2))).isTrue();
        assertThat(range.covers(fri(13, 30).minusDays(2))).isFalse();
    }

    @Test
    void badRangesAreRefusedNamingTheFieldTheValueAndTheFormsExpected() {
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", "FRY 18:00-MON 08:00"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("weekly 'FRY 18:00-MON 08:00': unknown day 'FRY'; expected MON, TUE, WED, THU, FRI, SAT "
                        + "or SUN");
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", "FRI 25:00-MON 08:00"))
                .hasMessageStartingWith("weekly 'FRI 25:00-MON 08:00': '25:00' is not a time of day; expected HH:MM");
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", "weekends"))
                .hasMessageStartingWith("weekly 'weekends': cannot read 'weekends'; expected DAY HH:MM-DAY HH:MM "
                        + "(e.g. FRI 18:00-MON 08:00)");
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", "MON 08:00-MON 08:00"))
                .hasMessageContaining("starts and ends at the same time");
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", "TUE 09:00-09:00"))
                .hasMessageContaining("starts and ends at the same time");
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", " "))
                .hasMessageStartingWith("weekly is empty; expected");
    }

    @Test
    void overlappingRangesAreRefusedNamingThemWhileTouchingOnesAreFine() {
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", "MON 10:00-12:00; MON 11:00-13:00"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("weekly 'MON 10:00-12:00; MON 11:00-13:00': 'MON 10:00-12:00' and 'MON 11:00-13:00' "
                        + "overlap; give each time once");
        assertThatThrownBy(() -> WeeklyRange.parse("weekly", "FRI 18:00-MON 08:00; SAT 10:00-12:00"))
                .hasMessageContaining("'FRI 18:00-MON 08:00' and 'SAT 10:00-12:00' overlap");

        assertThat(WeeklyRange.parse("weekly", "MON 10:00-12:00; MON 12:00-13:00").text())
                .isEqualTo("MON 10:00-12:00; MON 12:00-13:00");
    }
}
