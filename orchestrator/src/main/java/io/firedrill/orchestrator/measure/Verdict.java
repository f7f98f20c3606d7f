package io.firedrill.orchestrator.measure;

/**
 * The outcome of judging one objective. Three-valued, as in Jepsen: UNKNOWN is what the data cannot decide,
 * and is never rounded to PASS.
 */
public enum Verdict {
    PASS,
    UNKNOWN,
    FAIL;

    /** The worse of the two, FAIL over UNKNOWN over PASS: what a composite of both is. */
    public Verdict worst(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
