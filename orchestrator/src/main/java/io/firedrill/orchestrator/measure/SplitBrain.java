package io.firedrill.orchestrator.measure;

import java.util.List;
import java.util.Objects;

/**
 * Writes acknowledged by two regions as primary during overlapping time: split brain.
 *
 * @param checked             false when no acknowledged write says which region answered; {@code note} says so
 * @param note                what was checked, or why not
 * @param writesWithoutRegion acknowledged writes whose answer named no region, left out of the check
 * @param divergences         one per pair of regions that both accepted writes while the other did
 */
public record SplitBrain(boolean checked, String note, long writesWithoutRegion, List<Divergence> divergences) {
    public SplitBrain {
        Objects.requireNonNull(note, "note");
        divergences = List.copyOf(divergences);
    }

    public boolean detected() {
        return !divergences.isEmpty();
    }

    /**
     * Two regions that each acknowledged a write strictly inside the other's acceptance window.
     *
     * @param regionA      the first region, by name
     * @param regionB      the second region
     * @param aInsideB     writes acknowledged by A, invoked after B's first acknowledgement and acknowledged before
     *                     B's last invoke
     * @param bInsideA     the same for B inside A's window
     * @param overlapStart the later of the two regions' first acknowledgements
     * @param overlapEnd   the earlier of the two regions' last acknowledged invokes
     * @param examples     a few of the writes inside the other's window, in history order
     */
    public record Divergence(String regionA, String regionB, long aInsideB, long bInsideA, Moment overlapStart,
            Moment overlapEnd, List<String> examples) {
        public Divergence {
            Objects.requireNonNull(regionA, "regionA");
            Objects.requireNonNull(regionB, "regionB");
            Objects.requireNonNull(overlapStart, "overlapStart");
            Objects.requireNonNull(overlapEnd, "overlapEnd");
            examples = List.copyOf(examples);
        }
    }
}
