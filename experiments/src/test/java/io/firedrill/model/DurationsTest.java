package io.firedrill.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("500ms", Duration.ofMillis(500)),
                Arguments.of("10s", Duration.ofSeconds(10)),
                Arguments.of("2m", Duration.ofMinutes(2)),
                Arguments.of("1h", Duration.ofHours(1)),
                Arguments.of("1m30s", Duration.ofSeconds(90)),
                Arguments.of("1h2m3s4ms", Duration.ofHours(1).plusMinutes(2).plusSeconds(3).plusMillis(4)),
                Arguments.of("1.5s", Duration.ofMillis(1500)),
                Arguments.of("250us", Duration.ofNanos(250_000)),
                Arguments.of("250µs", Duration.ofNanos(250_000)),
                Arguments.of("10ns", Duration.ofNanos(10)),
                Arguments.of("0", Duration.ZERO),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of(" 10s ", Duration.ofSeconds(10)),
                Arguments.of("PT10S", Duration.ofSeconds(10)),
                Arguments.of("pt1m30s", Duration.ofSeconds(90)),
                Arguments.of("P1D", Duration.ofDays(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesUnitsCompoundsDecimalsAndIso8601(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"soon", "", "s", "10 s", "1e3s", "1.5.3s", "10sec", "PT", "P1X"})
    void rejectsGarbageNamingTheTextAndTheExpectedSyntax(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration like 30s, 1m30s, 500ms or PT30S, got '" + text + "'");
    }

    @Test
    void rejectsABareNumberBecauseItsUnitWouldBeAGuess() {
        assertThatThrownBy(() -> Durations.parse("30"))
                .hasMessage("expected a duration like 30s, 1m30s, 500ms or PT30S, got '30' (no unit)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"30s1m", "1m1m"})
    void rejectsUnitsOutOfOrderOrRepeated(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("expected a duration like 30s, 1m30s, 500ms or PT30S, got '" + text + "'"
                        + " (units must go from largest to smallest, each once)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-5s", "-PT5S", "PT-5S"})
    void rejectsNegativeDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("expected a duration of zero or more like 30s, got '" + text + "'");
    }

    @Test
    void rejectsPrecisionFinerThanANanosecond() {
        assertThatThrownBy(() -> Durations.parse("1.5ns"))
                .hasMessage("expected a duration like 30s, 1m30s, 500ms or PT30S, got '1.5ns' (finer than a nanosecond or too large)");
    }

    @Test
    void formatsTheShortestCompoundForm() {
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("24h");
        assertThat(Durations.format(Duration.ofNanos(1_000_001))).isEqualTo("1ms1ns");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesWhatItFormats(String text, Duration value) {
        assertThat(Durations.parse(Durations.format(value))).isEqualTo(value);
    }
}
