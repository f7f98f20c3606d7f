package io.firedrill.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects a running section's figures and judged targets. A section records each figure as soon as it has
 * it, so that a later failure (a proxy that drops the connection, say) still leaves the baseline on record.
 */
final class SectionReport {
    private final List<Figure> figures = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    void figure(Figure figure) {
        figures.add(figure);
    }

    void check(String target, String measured, boolean met) {
        checks.add(new Check(target, measured, Verdict.of(met)));
    }

    void unknown(String target, String why) {
        checks.add(new Check(target, why, Verdict.UNKNOWN));
    }

    SectionResult complete(BenchSection section) {
        return new SectionResult(section.name(), section.title(), figures, checks, Optional.empty());
    }

    /** The section stopped with {@code error}: its targets not judged yet are UNKNOWN with that cause. */
    SectionResult failed(BenchSection section, String error) {
        List<Check> all = new ArrayList<>(checks);
        for (String target : section.targets()) {
            if (all.stream().noneMatch(c -> c.target().equals(target))) {
                all.add(new Check(target, "not measured: " + error, Verdict.UNKNOWN));
            }
        }
        return new SectionResult(section.name(), section.title(), figures, all, Optional.of(error));
    }
}
