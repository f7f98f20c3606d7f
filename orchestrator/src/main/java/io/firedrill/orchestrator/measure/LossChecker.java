package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Lost, recovered, unexpected and duplicated writes: one streaming pass over the final read against the
 * history's writes, then one pass over the writes.
 *
 * <p>An entry matches a write when key and value are equal. Duplicates are counted by key, for keys the history
 * wrote once (the workload's keys are unique; a key written twice may legitimately be read back twice) and for
 * keys it never wrote. The RPO window is T0 - the earliest acknowledgement of a lost write; a lost write
 * acknowledged after T0 (beyond both bounds) is counted apart, because no window before the fault covers it.
 */
final class LossChecker implements Checker<LossReport> {
    @Override
    public String name() {
        return "loss";
    }

    @Override
    public LossReport check(CheckContext context) {
        HistoryFacts facts = context.history();
        Writes writes = facts.writes;
        FinalRead read = context.evidence().finalRead();
        Tally.Counter unexpected = new Tally.Counter();
        Tally.Counter duplicated = new Tally.Counter();
        Map<String, Integer> unknownKeys = new HashMap<>();
        long entries = 0;
        try (Stream<FinalRead.Entry> stream = read.entries().stream()) {
            for (Iterator<FinalRead.Entry> it = stream.iterator(); it.hasNext(); ) {
                FinalRead.Entry e = it.next();
                entries++;
                int first = writes.first(e.key());
                if (first < 0) {
                    unexpected.add(e.key() + "=" + e.value());
                    if (unknownKeys.merge(e.key(), 1, Integer::sum) == 2) {
                        duplicated.add(e.key());
                    }
                    continue;
                }
                if (writes.keyReadBack(first) == 2 && writes.next(first) < 0) {
                    duplicated.add(e.key());
                }
                int id = writes.find(e.key(), e.value());
                if (id < 0) {
                    unexpected.add(e.key() + "=" + e.value());
                } else {
                    writes.readBack(id);
                }
            }
        }
        String note = read.note() == null ? "" : read.note();
        boolean complete = read.complete();
        if (read.expectedEntries().isPresent() && read.expectedEntries().getAsLong() != entries) {
            complete = false;
            note = (note.isEmpty() ? "" : note + "; ") + "the reader reported " + read.expectedEntries().getAsLong()
                    + " entries but " + entries + " were found (truncated?)";
        }
        return judgeWrites(context, writes, complete, note, entries, unexpected.tally(), duplicated.tally());
    }

    private static LossReport judgeWrites(CheckContext context, Writes writes, boolean complete, String note,
            long entries, Tally unexpected, Tally duplicated) {
        Tally.Counter recoveredFailed = new Tally.Counter();
        long recoveredIndeterminate = 0;
        IntStream.Builder lostIds = IntStream.builder();
        for (int id = 0; id < writes.size(); id++) {
            if (writes.timesRead(id) > 0) {
                if (writes.indeterminate(id)) {
                    recoveredIndeterminate++;
                } else if (writes.outcome(id) == Writes.FAIL) {
                    recoveredFailed.add(writes.key(id));
                }
            } else if (writes.acknowledged(id)) {
                lostIds.add(id);
            }
        }
        int[] lost = lostIds.build().boxed().sorted((a, b) -> Long.compare(writes.doneNanos(a), writes.doneNanos(b)))
                .mapToInt(Integer::intValue).toArray();
        Tally.Counter lostKeys = new Tally.Counter();
        for (int i = 0; i < lost.length && i < Tally.LIMIT; i++) {
            lostKeys.add(writes.key(lost[i]));
        }
        Tally lostTally = new Tally(lost.length, lostKeys.tally().first());
        Duration bound = context.historyBound();
        Optional<Moment> earliest = lost.length == 0 ? Optional.empty() : Optional.of(writes.ack(lost[0], bound));
        Optional<Moment> latest = lost.length == 0 ? Optional.empty()
                : Optional.of(writes.ack(lost[lost.length - 1], bound));
        Mark t0 = context.t0();
        long afterT0 = 0;
        Optional<Measured> window;
        String windowNote;
        if (lost.length == 0) {
            window = Optional.of(Measured.exactly(Duration.ZERO));
            windowNote = "no acknowledged write lost";
        } else if (!t0.observed()) {
            window = Optional.empty();
            windowNote = "T0 not observable: " + t0.evidence();
        } else {
            Moment start = t0.at().get();
            long limit = start.nanos() + start.bound().toNanos() + bound.toNanos();
            for (int id : lost) {
                afterT0 += writes.doneNanos(id) > limit ? 1 : 0;
            }
            Measured raw = start.since(earliest.get());
            window = Optional.of(raw.value().isNegative() ? new Measured(Duration.ZERO, raw.bound()) : raw);
            windowNote = "T0 - acknowledgement of the earliest lost write '" + writes.key(lost[0]) + "'";
        }
        WriteCounts counts = new WriteCounts(writes.size(), writes.count(Writes.OK), writes.count(Writes.FAIL),
                writes.count(Writes.INFO) + writes.count(Writes.OPEN));
        return new LossReport(counts, complete, note, entries, lostTally, earliest, latest, afterT0, window,
                windowNote, recoveredIndeterminate, recoveredFailed.tally(), unexpected, duplicated);
    }
}
