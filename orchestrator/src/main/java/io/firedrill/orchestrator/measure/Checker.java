package io.firedrill.orchestrator.measure;

/**
 * Judges one property of a run from its evidence. Checkers observe nothing themselves; they may throw, and the
 * {@link Judgement} turns a throw into UNKNOWN verdicts for the objectives that depend on the checker.
 *
 * @param <R> the checker's report
 */
interface Checker<R> {
    /** A short name for reports: {@code timeline}, {@code loss}, ... */
    String name();

    R check(CheckContext context);
}
