package io.firedrill.orchestrator.measure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One streaming pass over a history that pairs each completion with its invoke and enforces Jepsen's rules: a
 * completion follows its own invoke exactly once, with the same process and function, and a process that got
 * {@code info} never invokes again. A history that breaks them is the recorder's bug, and judging it anyway
 * would be guessing, so the scan stops with an {@link EvidenceException} naming the entry.
 *
 * <p>An op id must be unique among operations in flight; reusing one after its completion is not detected
 * (it would cost a set of every id ever seen). A write invoked and never completed counts as indeterminate.
 */
final class HistoryScan {
    private final HistoryFacts facts = new HistoryFacts();
    private final Map<String, Object> inFlight = new HashMap<>();
    private final Set<Long> retired = new HashSet<>();

    private HistoryScan() {}

    static HistoryFacts scan(Replayable<Op> history) {
        HistoryScan scan = new HistoryScan();
        try (Stream<Op> ops = history.stream()) {
            for (Iterator<Op> it = ops.iterator(); it.hasNext(); ) {
                scan.accept(it.next());
            }
        }
        return scan.facts;
    }

    private void accept(Op op) {
        switch (op.type()) {
            case NEMESIS -> facts.nemesis.add(op);
            case INVOKE -> invoke(op);
            default -> complete(op);
        }
    }

    private void invoke(Op op) {
        if (retired.contains(op.process())) {
            throw bad(op, "process " + op.process() + " invokes after it got info; a client continues under a "
                    + "new process id after an indeterminate result");
        }
        if (inFlight.containsKey(op.opId())) {
            throw bad(op, "op id '" + op.opId() + "' is invoked again while still in flight; op ids must be unique");
        }
        if (op.isWrite()) {
            int id = facts.writes.add(op.key(), op.value(), op.process(), op.nanos(), Writes.epochNanos(op.wall()));
            inFlight.put(op.opId(), id);
        } else {
            facts.readsInvoked++;
            inFlight.put(op.opId(), op);
        }
    }

    private void complete(Op op) {
        Object invoke = inFlight.remove(op.opId());
        if (invoke == null) {
            throw bad(op, op.type().wire() + " of op '" + op.opId() + "' has no invoke in flight; each completion "
                    + "follows its own invoke, once");
        }
        if (op.type() == Op.Type.INFO) {
            retired.add(op.process());
        }
        if (invoke instanceof Integer id) {
            requireSame(op, facts.writes.process(id), Op.Function.WRITE);
            byte outcome = switch (op.type()) {
                case OK -> Writes.OK;
                case FAIL -> Writes.FAIL;
                default -> Writes.INFO;
            };
            facts.writes.complete(id, outcome, op.region(), op.nanos(), Writes.epochNanos(op.wall()));
        } else {
            Op read = (Op) invoke;
            requireSame(op, read.process(), Op.Function.READ);
            if (op.type() == Op.Type.OK) {
                facts.okReads.add(new HistoryFacts.ReadRecord(read.index(), read.key(), op.value(), op.region(),
                        read.nanos(), op.nanos(), Writes.epochNanos(op.wall())));
            }
        }
    }

    private static void requireSame(Op completion, long process, Op.Function f) {
        if (completion.process() != process || completion.f() != f) {
            throw bad(completion, "completion of op '" + completion.opId() + "' is process " + completion.process()
                    + " " + completion.f().wire() + ", but its invoke was process " + process + " " + f.wire());
        }
    }

    private static EvidenceException bad(Op op, String what) {
        return new EvidenceException("history entry " + op.index() + ": " + what);
    }
}
