package io.firedrill.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Aborts the run (and reverts every fault) when {@code metric} of a probe stays above a threshold for
 * {@code sustainedFor}. Typically watches a region that the experiment does not target, so that a
 * fault spreading beyond its blast radius stops the game day.
 *
 * @param sustainedFor written {@code for} in the format
 * @param regions      the regions the condition guards; empty means every region
 */
public record StopCondition(
        String name, String probe, Metric metric, Threshold above, Duration sustainedFor, List<String> regions) {

    public StopCondition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(sustainedFor, "sustainedFor");
        regions = List.copyOf(regions);
        if (above.metric() != metric) {
            throw new IllegalArgumentException("a " + metric.wireName() + " condition cannot have a "
                    + above.metric().wireName() + " threshold");
        }
    }

    public enum Metric implements WireName {
        /** The share of failed probe attempts in the window, 0..1. */
        ERROR_RATE("errorRate"),
        /** The 99th percentile of probe latency in the window. */
        LATENCY_P99("latencyP99");

        private final String wireName;

        Metric(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** The value a metric must exceed; its type follows the metric. */
    public sealed interface Threshold {
        Metric metric();

        /** A share of failures, 0..1 ({@code 5%} or {@code 0.05} in the format). */
        record Ratio(double value) implements Threshold {
            public Ratio {
                if (!(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException("ratio must be within 0..1, got " + value);
                }
            }

            @Override
            public Metric metric() {
                return Metric.ERROR_RATE;
            }
        }

        record Latency(Duration value) implements Threshold {
            public Latency {
                Objects.requireNonNull(value, "value");
            }

            @Override
            public Metric metric() {
                return Metric.LATENCY_P99;
            }
        }
    }
}
