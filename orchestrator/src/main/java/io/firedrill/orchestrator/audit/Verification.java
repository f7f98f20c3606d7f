package io.firedrill.orchestrator.audit;

/**
 * What {@link AuditVerifier} found: either every entry and checkpoint holds ({@code ok}), or the first thing that
 * does not, in log order.
 *
 * @param ok          nothing is wrong
 * @param entries     how many entries were read
 * @param checkpoints how many checkpoints were read
 * @param root        hex Merkle root over every entry read (their stored leaf hashes)
 * @param latest      the checkpoint with the highest number, if any
 * @param firstBad    what is wrong first; null when ok
 */
public record Verification(boolean ok, long entries, long checkpoints, String root, Checkpoint latest,
        Problem firstBad) {

    /**
     * The first bad thing.
     *
     * @param seq        the first entry that is (or may be) bad; null when the problem is a checkpoint's own
     * @param checkpoint the checkpoint involved, if any
     * @param problem    one sentence: what is wrong and what it means
     */
    public record Problem(Long seq, Long checkpoint, String problem) {}

    static Verification good(long entries, long checkpoints, String root, Checkpoint latest) {
        return new Verification(true, entries, checkpoints, root, latest, null);
    }

    static Verification bad(long entries, long checkpoints, Checkpoint latest, Problem problem) {
        return new Verification(false, entries, checkpoints, null, latest, problem);
    }
}
