package io.firedrill.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.StopCondition;
import io.firedrill.orchestrator.measure.ProbeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopWatchTest {
    private static final long MS = 1_000_000L;
    private static final StopCondition ERRORS = new StopCondition("us-east-degraded", "us-east-health",
            StopCondition.Metric.ERROR_RATE, new StopCondition.Threshold.Ratio(0.05), Duration.ofSeconds(10),
            List.of("us-east"));
    private static final StopCondition SLOW = new StopCondition("us-east-slow", "us-east-health",
            StopCondition.Metric.LATENCY_P99, new StopCondition.Threshold.Latency(Duration.ofMillis(200)),
            Duration.ofSeconds(2), List.of());

    @Test
    void anErrorRateAboveTheThresholdForTheWholeWindowStopsTheRunAndSaysWhy() {
        StopWatch watch = new StopWatch(List.of(ERRORS));
        Optional<String> fired = Optional.empty();
        for (int i = 0; i <= 100 && fired.isEmpty(); i++) {
            fired = watch.offer(sample("us-east", i * 100 * MS, i % 10 != 0, 5_000));
        }

        assertThat(fired).contains("stop condition us-east-degraded: probe us-east-health failed 11 of 101 attempts "
                + "(11%) over the last 10 s, above 5%");
    }

    @Test
    void badSamplesBeforeAWholeWindowWasWatchedDoNotStopTheRun() {
        StopWatch watch = new StopWatch(List.of(ERRORS));

        for (int i = 0; i < 90; i++) {
            assertThat(watch.offer(sample("us-east", i * 100 * MS, false, 5_000))).as("sample %d", i).isEmpty();
        }
    }

    @Test
    void samplesOfOtherRegionsOrProbesAreNotCounted() {
        StopWatch watch = new StopWatch(List.of(ERRORS));

        for (int i = 0; i <= 150; i++) {
            assertThat(watch.offer(sample("eu-west", i * 100 * MS, false, 5_000))).isEmpty();
        }
    }

    @Test
    void aSlowP99OverTheWindowStopsTheRun() {
        StopWatch watch = new StopWatch(List.of(SLOW));
        Optional<String> fired = Optional.empty();
        for (int i = 0; i <= 30 && fired.isEmpty(); i++) {
            fired = watch.offer(sample("us-east", i * 100 * MS, true, 350_000));
        }

        assertThat(fired).contains("stop condition us-east-slow: probe us-east-health latency p99 350 ms over the last "
                + "2 s, above 200 ms");
    }

    private static ProbeSample sample(String region, long nanos, boolean ok, long latencyMicros) {
        return new ProbeSample("us-east-health", region, "us-east", nanos, Instant.EPOCH.plusNanos(nanos), ok,
                latencyMicros, 100, ok ? "200" : "timeout");
    }
}
