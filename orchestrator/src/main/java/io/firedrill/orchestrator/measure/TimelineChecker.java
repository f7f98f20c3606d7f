package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link Timeline}: the marks from the faults, the estate's events, the history and the front-door
 * probes, then the segments. Marks that need the history (T4, T5, and T6 when it comes from writes) become
 * unobservable with the history's problem as the reason, so a broken history does not hide a T6 the probes
 * saw.
 */
final class TimelineChecker implements Checker<Timeline> {
    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public Timeline check(CheckContext context) {
        RunEvidence evidence = context.evidence();
        Mark t0 = context.t0();
        HistoryFacts facts = null;
        String historyProblem = null;
        try {
            facts = context.history();
        } catch (RuntimeException e) {
            historyProblem = "the history could not be judged: " + Judgement.describe(e);
        }
        Marks.EstateMarks estate = Marks.estate(evidence.estateEvents(), t0, Marks.primaryAt(facts, t0));
        Mark t1 = estate.t1();
        Mark t2 = estate.t2();
        Mark t3 = estate.t3();
        Duration bound = context.historyBound();
        Mark t4 = facts == null ? Mark.unobserved(Marks.T4, Marks.FIRST_WRITE, historyProblem)
                : Marks.firstWrite(facts, t0, bound);
        Mark t5 = facts == null ? Mark.unobserved(Marks.T5, Marks.FIRST_OLD_READ, historyProblem)
                : Marks.firstOldRead(facts, t0, bound);
        SteadyState.Result steady = steadyState(evidence, t0, facts, historyProblem, bound);
        Mark t6 = steady.t6();
        List<Segment> segments = List.of(
                Segment.between("rto", t0, t6),
                Segment.between("first-write", t0, t4),
                Segment.between("detect", t0, t1),
                Segment.between("decide", t1, t2),
                Segment.between("promote", t2, t3),
                Segment.between("resume-writes", t3, t4));
        return new Timeline(List.of(t0, t1, t2, t3, t4, t5, t6), segments, events(evidence, facts),
                steady.basis(), steady.stillFailingAt());
    }

    private static SteadyState.Result steadyState(RunEvidence evidence, Mark t0, HistoryFacts facts,
            String historyProblem, Duration bound) {
        boolean probes = !evidence.frontDoorProbes().isEmpty();
        String basis = probes ? "front-door probes" : "workload writes (the experiment has no front-door probe)";
        if (!t0.observed()) {
            return new SteadyState.Result(Mark.unobserved(Marks.T6, Marks.STEADY, "T0 not observable"), basis,
                    Optional.empty());
        }
        if (probes) {
            return SteadyState.fromProbes(evidence, t0.at().get());
        }
        if (facts == null) {
            return new SteadyState.Result(Mark.unobserved(Marks.T6, Marks.STEADY, historyProblem), basis,
                    Optional.empty());
        }
        return SteadyState.fromWrites(facts, evidence.steadyStateSamples(), t0.at().get(), bound);
    }

    private static List<TimelineEvent> events(RunEvidence evidence, HistoryFacts facts) {
        List<TimelineEvent> events = new ArrayList<>();
        for (FaultMark f : evidence.faults()) {
            String what = "fault '" + f.fault() + "' (" + f.kind() + " on " + f.target() + ")";
            events.add(new TimelineEvent(f.inEffect().nanos(), f.inEffect().wall(), "fault", "in-effect", null,
                    what + " in effect, ± " + Measured.seconds(f.inEffect().bound())));
            f.reverted().ifPresent(r -> events.add(new TimelineEvent(r.nanos(), r.wall(), "fault", "reverted", null,
                    what + " reverted")));
        }
        for (EstateEvent e : evidence.estateEvents()) {
            events.add(new TimelineEvent(e.nanos(), e.wall(), "estate", e.type(), e.region(),
                    e.detail() == null ? e.type() : e.detail()));
        }
        if (facts != null) {
            for (Op op : facts.nemesis) {
                String what = op.f().wire() + (op.key() == null ? "" : " '" + op.key() + "'")
                        + (op.value() == null ? "" : " (" + op.value() + ")")
                        + (op.detail() == null ? "" : ": " + op.detail());
                events.add(new TimelineEvent(op.nanos(), op.wall(), "nemesis", op.f().wire(), op.region(), what));
            }
        }
        events.sort(Comparator.comparingLong(TimelineEvent::nanos));
        return events;
    }
}
