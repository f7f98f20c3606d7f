package io.firedrill.orchestrator.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The history reduced to what the checkers judge: every write, the acknowledged reads, the nemesis entries.
 * Built by one streaming pass ({@link HistoryScan}); shared by every checker of one judgement.
 */
final class HistoryFacts {
    final Writes writes = new Writes();
    final List<ReadRecord> okReads = new ArrayList<>();
    final List<Op> nemesis = new ArrayList<>();
    long readsInvoked;

    /** A read the client saw acknowledged, with the value it returned ({@code null}: key not found). */
    record ReadRecord(long index, String key, String value, String region, long invokeNanos, long doneNanos,
            long doneWallNanos) {}
}
