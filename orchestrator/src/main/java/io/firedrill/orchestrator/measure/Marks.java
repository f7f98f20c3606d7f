package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How each timeline mark is read from the evidence (measurement.md, "Timeline events"). Every rule takes the
 * first qualifying observation and says what it was; when there is none the mark is unobservable with the
 * reason, never estimated.
 *
 * <p>The estate's events (T1 to T3) count as after T0 when they are after it within the two clock bounds:
 * detection cannot precede the fault, so an event that early is the fault seen through the mapping error.
 */
final class Marks {
    static final String T0 = "T0";
    static final String T1 = "T1";
    static final String T2 = "T2";
    static final String T3 = "T3";
    static final String T4 = "T4";
    static final String T5 = "T5";
    static final String T6 = "T6";
    static final String FAULT_IN_EFFECT = "fault in effect";
    static final String DETECTED = "detected (region marked down)";
    static final String DECIDED = "failover decided";
    static final String PROMOTED = "promotion complete";
    static final String FIRST_WRITE = "first acknowledged write invoked after T0";
    static final String FIRST_OLD_READ = "first read after T0 returning data written before T0";
    static final String STEADY = "steady state again";

    private Marks() {}

    /** T0: the in-effect time of the clock-start fault, else of the earliest fault. */
    static Mark t0(RunEvidence evidence) {
        List<FaultMark> faults = evidence.faults();
        if (faults.isEmpty()) {
            return Mark.unobserved(T0, FAULT_IN_EFFECT, "no fault was acknowledged in effect by an agent");
        }
        Optional<FaultMark> chosen = evidence.clockStartFault()
                .map(name -> faults.stream().filter(f -> f.fault().equals(name)).findFirst())
                .orElseGet(() -> faults.stream().min(Comparator.comparingLong(f -> f.inEffect().nanos())));
        if (chosen.isEmpty()) {
            return Mark.unobserved(T0, FAULT_IN_EFFECT, "the clock-start fault '" + evidence.clockStartFault().get()
                    + "' was never acknowledged in effect; faults in effect: "
                    + String.join(", ", faults.stream().map(FaultMark::fault).toList()));
        }
        FaultMark f = chosen.get();
        return Mark.observed(T0, FAULT_IN_EFFECT, f.inEffect(), "fault '" + f.fault() + "' (" + f.kind() + " on "
                + f.target() + ") acknowledged in effect by its agents");
    }

    /** T1, T2 and T3: detection after T0, the decision after detection, the promotion after the decision. */
    record EstateMarks(Mark t1, Mark t2, Mark t3) {}

    /**
     * T1 is a {@code region-down} of {@code primary}, the region that was primary at T0, when it is known; a
     * region that goes down elsewhere (the standby, during the fault) is not the detection of this failure.
     */
    static EstateMarks estate(List<EstateEvent> events, Mark t0, String primary) {
        List<EstateEvent> downs = primary == null ? events : events.stream()
                .filter(e -> !e.type().equals(EstateEvent.REGION_DOWN) || e.region() == null
                        || e.region().equals(primary))
                .toList();
        Mark t1 = estate(T1, DETECTED, EstateEvent.REGION_DOWN, downs, t0);
        Mark t2 = estate(T2, DECIDED, EstateEvent.FAILOVER_DECIDED, events, t1.observed() ? t1 : t0);
        Mark t3 = estate(T3, PROMOTED, EstateEvent.PROMOTION_DONE, events,
                t2.observed() ? t2 : t1.observed() ? t1 : t0);
        return new EstateMarks(t1, t2, t3);
    }

    /** T1, T2, T3: the first estate event of {@code type} at or after {@code after} (T0, or the mark before). */
    static Mark estate(String id, String meaning, String type, List<EstateEvent> events, Mark after) {
        Optional<EstateEvent> first = events.stream()
                .filter(e -> e.type().equals(type))
                .filter(e -> after.at().map(a -> e.nanos() >= a.nanos() - tolerance(e, a)).orElse(true))
                .min(Comparator.comparingLong(EstateEvent::nanos));
        if (first.isEmpty()) {
            String where = after.observed() ? " at or after " + after.id() : "";
            return Mark.unobserved(id, meaning, "the estate reported no '" + type + "' event" + where);
        }
        EstateEvent e = first.get();
        String caveat = after.observed() ? "" : " (" + after.id() + " not observable: the first of the run)";
        return Mark.observed(id, meaning, Moment.of(e.nanos(), e.wall(), e.boundMicros()),
                "estate event '" + type + "'" + (e.region() == null ? "" : " for " + e.region()) + caveat);
    }

    private static long tolerance(EstateEvent e, Moment after) {
        return e.boundMicros() * 1_000 + after.bound().toNanos();
    }

    /** The region that acknowledged the last write before T0: the primary the fault hit; null when unknown. */
    static String primaryAt(HistoryFacts facts, Mark t0) {
        if (facts == null || !t0.observed()) {
            return null;
        }
        long from = t0.at().get().nanos();
        Writes writes = facts.writes;
        int last = -1;
        for (int id = 0; id < writes.size(); id++) {
            if (writes.acknowledged(id) && writes.region(id) != null && writes.doneNanos(id) < from
                    && (last < 0 || writes.doneNanos(id) > writes.doneNanos(last))) {
                last = id;
            }
        }
        return last < 0 ? null : writes.region(last);
    }

    /** T4: the earliest acknowledgement of a write invoked at or after T0. */
    static Mark firstWrite(HistoryFacts facts, Mark t0, Duration bound) {
        if (!t0.observed()) {
            return Mark.unobserved(T4, FIRST_WRITE, "T0 not observable");
        }
        long from = t0.at().get().nanos();
        Writes writes = facts.writes;
        int first = -1;
        for (int id = 0; id < writes.size(); id++) {
            if (writes.acknowledged(id) && writes.invokeNanos(id) >= from
                    && (first < 0 || writes.doneNanos(id) < writes.doneNanos(first))) {
                first = id;
            }
        }
        if (first < 0) {
            return Mark.unobserved(T4, FIRST_WRITE, "no write invoked after T0 was acknowledged");
        }
        String region = writes.region(first);
        return Mark.observed(T4, FIRST_WRITE, writes.ack(first, bound), "write '" + writes.key(first) + "' acknowledged"
                + (region == null ? "" : " by " + region));
    }

    /** T5: the earliest completion of a read invoked after T0 that returned a value acknowledged before T0. */
    static Mark firstOldRead(HistoryFacts facts, Mark t0, Duration bound) {
        if (facts.readsInvoked == 0) {
            return Mark.unobserved(T5, FIRST_OLD_READ, "the workload made no reads");
        }
        if (!t0.observed()) {
            return Mark.unobserved(T5, FIRST_OLD_READ, "T0 not observable");
        }
        long from = t0.at().get().nanos();
        HistoryFacts.ReadRecord first = null;
        for (HistoryFacts.ReadRecord r : facts.okReads) {
            if (r.invokeNanos() < from || r.value() == null || (first != null && r.doneNanos() >= first.doneNanos())) {
                continue;
            }
            int w = facts.writes.find(r.key(), r.value());
            if (w >= 0 && facts.writes.acknowledged(w) && facts.writes.doneNanos(w) < from) {
                first = r;
            }
        }
        if (first == null) {
            return Mark.unobserved(T5, FIRST_OLD_READ, "no read invoked after T0 returned a value acknowledged "
                    + "before T0");
        }
        return Mark.observed(T5, FIRST_OLD_READ, new Moment(first.doneNanos(), Writes.wall(first.doneWallNanos()),
                bound), "read of '" + first.key() + "'"
                + (first.region() == null ? "" : " served by " + first.region()));
    }
}
