package io.firedrill.cli.bench;

/** A target's outcome: PASS or FAIL on a measured figure, UNKNOWN when the figure could not be measured. */
enum Verdict {
    PASS,
    FAIL,
    UNKNOWN;

    static Verdict of(boolean met) {
        return met ? PASS : FAIL;
    }
}
