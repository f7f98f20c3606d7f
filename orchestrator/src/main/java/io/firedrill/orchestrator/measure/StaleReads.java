package io.firedrill.orchestrator.measure;

import java.util.Objects;

/**
 * Reads after the new primary took over that missed a write acknowledged before they began.
 *
 * @param checked      false when the history has no reads, or no point after which reads must be fresh was
 *                     observable; then {@code note} says why
 * @param note         the scope checked (reads invoked after T3, or after T4 when T3 is not observable), or why
 *                     nothing was checked
 * @param readsChecked acknowledged reads in scope
 * @param stale        the stale reads, earliest first, each as {@code key: got X, expected Y (history entry N)}
 */
public record StaleReads(boolean checked, String note, long readsChecked, Tally stale) {
    public StaleReads {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(stale, "stale");
    }

    static StaleReads notChecked(String why) {
        return new StaleReads(false, why, 0, Tally.none());
    }
}
