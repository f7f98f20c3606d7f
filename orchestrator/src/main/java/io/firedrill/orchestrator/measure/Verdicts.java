package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict rules (measurement.md, "Verdict per objective"), in one place.
 *
 * <p>A measured figure {@code m ± b} against a declared {@code d}: PASS when {@code m + b <= d} (it holds even
 * in the worst case), FAIL when {@code m - b > d} (it fails even in the best case), and UNKNOWN when the interval
 * straddles {@code d}: the data cannot tell, whichever side {@code m} falls on. A straddle is never rounded
 * to PASS; the reason says to narrow the bound.
 *
 * <p>UNKNOWN also when a checker the objective needs threw (the reason quotes it), when agent clocks were not
 * synced (for figures that need times), when T0 or T6 is not observable, and for RPO when the final read is
 * missing or incomplete. Two facts decide without a clock: no acknowledged write lost is RPO PASS exactly, and
 * any lost write fails a declared RPO of 0. And when steady state was never regained, a front-door failure
 * later than T0 + declared RTO (beyond both bounds) is an RTO FAIL: the RTO was at least that long.
 */
final class Verdicts {
    private Verdicts() {}

    static ObjectiveVerdict compare(String objective, Duration declared, Measured m, String what) {
        Duration low = m.value().minus(m.bound());
        Duration high = m.value().plus(m.bound());
        String measured = what + " = " + m.text();
        Optional<Duration> d = Optional.of(declared);
        if (high.compareTo(declared) <= 0) {
            return new ObjectiveVerdict(objective, Verdict.PASS, d, Optional.of(m), measured + ": at most "
                    + Measured.seconds(high) + ", within the declared " + Measured.seconds(declared));
        }
        if (low.compareTo(declared) > 0) {
            return new ObjectiveVerdict(objective, Verdict.FAIL, d, Optional.of(m), measured + ": at least "
                    + Measured.seconds(low) + ", over the declared " + Measured.seconds(declared));
        }
        return new ObjectiveVerdict(objective, Verdict.UNKNOWN, d, Optional.of(m), measured + ": between "
                + Measured.seconds(low) + " and " + Measured.seconds(high) + ", which straddles the declared "
                + Measured.seconds(declared) + "; narrow the bound (shorter probe interval, better clock sync)");
    }

    static ObjectiveVerdict rto(String objective, Duration declared, Outcome<Timeline> outcome, ClockSync clock) {
        if (outcome.failed()) {
            return unknown(objective, declared, outcome.reason());
        }
        if (!clock.synced()) {
            return unknown(objective, declared, "clocks not synced: " + clock.note());
        }
        Timeline timeline = outcome.report().get();
        Mark t0 = timeline.mark(Marks.T0);
        if (!t0.observed()) {
            return unknown(objective, declared, "T0 not observable: " + t0.evidence());
        }
        Optional<Measured> rto = timeline.rto();
        if (rto.isPresent()) {
            return compare(objective, declared, rto.get(), "T6 - T0");
        }
        Mark t6 = timeline.mark(Marks.T6);
        if (timeline.stillFailingAt().isPresent()) {
            Measured atLeast = timeline.stillFailingAt().get().since(t0.at().get());
            Duration low = atLeast.value().minus(atLeast.bound());
            if (low.compareTo(declared) > 0) {
                return new ObjectiveVerdict(objective, Verdict.FAIL, Optional.of(declared), Optional.empty(),
                        "T6 not observable (" + t6.evidence() + "), but the front door still failed "
                                + atLeast.text() + " after T0: the RTO was at least " + Measured.seconds(low)
                                + ", over the declared " + Measured.seconds(declared));
            }
        }
        return unknown(objective, declared, "T6 not observable: " + t6.evidence());
    }

    static ObjectiveVerdict rpo(String objective, Duration declared, Outcome<LossReport> outcome, ClockSync clock) {
        if (outcome.failed()) {
            return unknown(objective, declared, outcome.reason());
        }
        LossReport loss = outcome.report().get();
        if (!loss.finalReadComplete()) {
            return unknown(objective, declared, "the final read is incomplete (" + loss.finalReadNote() + "): a write "
                    + "it did not reach may be unread rather than lost");
        }
        Optional<Duration> d = Optional.of(declared);
        long acknowledged = loss.writes().acknowledged();
        if (!loss.lost().any()) {
            return new ObjectiveVerdict(objective, Verdict.PASS, d, Optional.of(Measured.exactly(Duration.ZERO)),
                    "no acknowledged write lost: all " + acknowledged + " were read back");
        }
        String lost = loss.lost().count() + " of " + acknowledged + " acknowledged writes lost";
        if (declared.isZero()) {
            return new ObjectiveVerdict(objective, Verdict.FAIL, d, loss.window(), lost
                    + "; the declared RPO of 0 allows none");
        }
        if (!clock.synced()) {
            return unknown(objective, declared, lost + "; their window needs times, and the clocks were not synced: "
                    + clock.note());
        }
        if (loss.window().isEmpty()) {
            return unknown(objective, declared, lost + "; no window: " + loss.windowNote());
        }
        if (loss.lostAckedAfterT0() > 0) {
            return new ObjectiveVerdict(objective, Verdict.FAIL, d, loss.window(), lost + ", "
                    + loss.lostAckedAfterT0() + " of them acknowledged after the fault was in effect (T0): no window "
                    + "before the fault covers them");
        }
        return compare(objective, declared, loss.window().get(), lost + "; T0 - earliest lost acknowledgement");
    }

    static ObjectiveVerdict integrity(Outcome<LossReport> loss, Outcome<StaleReads> stale, Outcome<SplitBrain> split) {
        List<String> findings = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        loss.report().ifPresentOrElse(l -> {
            note(findings, l.recoveredFailed(), "write(s) that failed are present in the final read");
            note(findings, l.unexpected(), "final-read value(s) that no write attempted");
            note(findings, l.duplicated(), "key(s) written once and read back more than once");
            if (!l.finalReadComplete()) {
                undecided.add("the final read is incomplete (" + l.finalReadNote() + "): failed, unexpected and "
                        + "duplicated values were checked on the part read only");
            }
            checked.add("no failed write present, no unexpected or duplicated value");
        }, () -> undecided.add(loss.reason()));
        stale.report().ifPresentOrElse(s -> {
            note(findings, s.stale(), "stale read(s)");
            checked.add(s.checked() ? "no stale read among " + s.readsChecked() : "stale reads not applicable: "
                    + s.note());
        }, () -> undecided.add(stale.reason()));
        split.report().ifPresentOrElse(b -> {
            for (SplitBrain.Divergence d : b.divergences()) {
                findings.add("split brain: " + d.regionA() + " and " + d.regionB() + " both accepted writes ("
                        + d.aInsideB() + " and " + d.bInsideA() + " inside each other's window)");
            }
            if (!b.checked()) {
                undecided.add("split brain not checked: " + b.note());
            }
            checked.add("no split brain");
        }, () -> undecided.add(split.reason()));
        if (!findings.isEmpty()) {
            return new ObjectiveVerdict("integrity", Verdict.FAIL, Optional.empty(), Optional.empty(),
                    String.join("; ", findings));
        }
        if (!undecided.isEmpty()) {
            return new ObjectiveVerdict("integrity", Verdict.UNKNOWN, Optional.empty(), Optional.empty(),
                    String.join("; ", undecided));
        }
        return new ObjectiveVerdict("integrity", Verdict.PASS, Optional.empty(), Optional.empty(),
                String.join("; ", checked));
    }

    private static void note(List<String> findings, Tally tally, String what) {
        if (tally.any()) {
            findings.add(tally.count() + " " + what + " (first: " + tally.first().get(0) + ")");
        }
    }

    private static ObjectiveVerdict unknown(String objective, Duration declared, String reason) {
        return new ObjectiveVerdict(objective, Verdict.UNKNOWN, Optional.of(declared), Optional.empty(), reason);
    }
}
