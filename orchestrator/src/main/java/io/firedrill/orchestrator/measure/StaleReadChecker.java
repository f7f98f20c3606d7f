package io.firedrill.orchestrator.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stale reads: acknowledged reads invoked after promotion (T3; T4 when the estate did not report T3) that missed
 * a write acknowledged before the read began. A read of key k is stale when some write of k was acknowledged
 * before the read's invoke and the read returned nothing, a value no write of k produced, or the value of a write
 * that a later write of k superseded (that later write invoked after the first was acknowledged, and itself
 * acknowledged before the read began). Values of writes concurrent with the read, or indeterminate, are fresh.
 */
final class StaleReadChecker implements Checker<StaleReads> {
    @Override
    public String name() {
        return "stale-reads";
    }

    @Override
    public StaleReads check(CheckContext context) {
        HistoryFacts facts = context.history();
        if (facts.readsInvoked == 0) {
            return StaleReads.notChecked("the workload made no reads");
        }
        Mark t0 = context.t0();
        Mark t3 = Marks.estate(context.evidence().estateEvents(), t0, Marks.primaryAt(facts, t0)).t3();
        Mark from = t3.observed() || !t0.observed() ? t3 : Marks.firstWrite(facts, t0, context.historyBound());
        if (!from.observed()) {
            return StaleReads.notChecked("no point after which reads must be fresh: T3 and T4 not observable ("
                    + from.evidence() + ")");
        }
        long start = from.at().get().nanos();
        List<HistoryFacts.ReadRecord> inScope = new ArrayList<>();
        for (HistoryFacts.ReadRecord r : facts.okReads) {
            if (r.invokeNanos() > start) {
                inScope.add(r);
            }
        }
        inScope.sort(Comparator.comparingLong(HistoryFacts.ReadRecord::invokeNanos));
        Tally.Counter stale = new Tally.Counter();
        for (HistoryFacts.ReadRecord r : inScope) {
            int expected = missed(facts.writes, r);
            if (expected >= 0) {
                stale.add(r.key() + ": got " + r.value() + ", expected " + facts.writes.value(expected)
                        + " (history entry " + r.index() + ")");
            }
        }
        return new StaleReads(true, "acknowledged reads invoked after " + from.id() + " (" + from.meaning() + ")",
                inScope.size(), stale.tally());
    }

    /** The write the read should have seen and did not, or -1 when the read is fresh. */
    private static int missed(Writes writes, HistoryFacts.ReadRecord read) {
        int latest = -1;
        for (int w = writes.first(read.key()); w >= 0; w = writes.next(w)) {
            if (acknowledgedBefore(writes, w, read) && (latest < 0 || writes.doneNanos(w) > writes.doneNanos(latest))) {
                latest = w;
            }
        }
        if (latest < 0) {
            return -1;
        }
        int seen = read.value() == null ? -1 : writes.find(read.key(), read.value());
        if (seen < 0) {
            return latest;
        }
        if (writes.indeterminate(seen)) {
            return -1;
        }
        for (int w = writes.first(read.key()); w >= 0; w = writes.next(w)) {
            if (acknowledgedBefore(writes, w, read) && writes.invokeNanos(w) > writes.doneNanos(seen)) {
                return w;
            }
        }
        return -1;
    }

    private static boolean acknowledgedBefore(Writes writes, int w, HistoryFacts.ReadRecord read) {
        return writes.acknowledged(w) && writes.doneNanos(w) < read.invokeNanos();
    }
}
