package io.firedrill.orchestrator.measure;

import java.util.Objects;

/**
 * One number of the result as a report prints it: value, bound and unit side by side, so a reader never sees a
 * figure without its uncertainty. Derived from the {@link RunResult}'s reports, never stored apart from them.
 *
 * @param name    e.g. {@code rto}, {@code rpo-window}, {@code lost}
 * @param value   in {@code unit}
 * @param bound   the true value lies within {@code value ± bound}; 0 for counts, which are exact
 * @param unit    {@code ns} for durations; {@code writes}, {@code reads}, {@code entries}, {@code pairs} for counts
 * @param meaning what it measures, in words
 */
public record Figure(String name, long value, long bound, String unit, String meaning) {
    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(meaning, "meaning");
    }

    static Figure duration(String name, Measured m, String meaning) {
        return new Figure(name, m.value().toNanos(), m.bound().toNanos(), "ns", meaning);
    }

    static Figure count(String name, long value, String unit, String meaning) {
        return new Figure(name, value, 0, unit, meaning);
    }
}
