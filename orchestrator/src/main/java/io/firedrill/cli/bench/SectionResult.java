package io.firedrill.cli.bench;

import java.util.List;
import java.util.Optional;

/**
 * What one section measured and how its targets came out. {@code error} is set when the section stopped
 * early; figures measured before that are kept, and the targets it did not reach are UNKNOWN.
 */
record SectionResult(String name, String title, List<Figure> figures, List<Check> checks, Optional<String> error) {
    SectionResult {
        figures = List.copyOf(figures);
        checks = List.copyOf(checks);
    }

    boolean allPass() {
        return error.isEmpty() && checks.stream().allMatch(c -> c.verdict() == Verdict.PASS);
    }
}
