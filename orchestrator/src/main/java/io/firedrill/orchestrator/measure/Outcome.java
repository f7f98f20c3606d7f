package io.firedrill.orchestrator.measure;

import java.util.Optional;

/**
 * A checker's report, or why there is none: the checker threw. Verdict rules take outcomes so that a failed
 * checker turns into UNKNOWN with its message, not into a crashed judgement.
 */
record Outcome<T>(String checker, Optional<T> report, String failure) {
    static <T> Outcome<T> of(Checker<T> checker, CheckContext context) {
        try {
            T report = checker.check(context);
            if (report == null) {
                return new Outcome<>(checker.name(), Optional.empty(), "returned no report");
            }
            return new Outcome<>(checker.name(), Optional.of(report), "");
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome<>(checker.name(), Optional.empty(), Judgement.describe(e));
        }
    }

    boolean failed() {
        return report.isEmpty();
    }

    /** The reason for verdicts that needed this checker: {@code loss checker failed: <message>}. */
    String reason() {
        return checker + " checker failed: " + failure;
    }
}
