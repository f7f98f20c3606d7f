package io.firedrill.orchestrator.measure;

import io.firedrill.model.Objectives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a run: runs every checker over the evidence and applies the {@link Verdicts} rules to their reports.
 * A checker that throws never crashes the judgement; the objectives that depend on it become UNKNOWN with its
 * message as the reason. Which objective needs which checker: RTO the timeline; RPO the loss checker; integrity
 * the loss, stale-read and split-brain checkers.
 *
 * <p>Cost: one streaming pass over the history and one over the final read; memory grows with the number of
 * writes (about 150 bytes each, in a few large arrays), not with the history's size on disk.
 */
public final class Judgement {
    private final Checker<Timeline> timeline;
    private final Checker<LossReport> loss;
    private final Checker<StaleReads> staleReads;
    private final Checker<SplitBrain> splitBrain;

    Judgement(Checker<Timeline> timeline, Checker<LossReport> loss, Checker<StaleReads> staleReads,
            Checker<SplitBrain> splitBrain) {
        this.timeline = timeline;
        this.loss = loss;
        this.staleReads = staleReads;
        this.splitBrain = splitBrain;
    }

    /** The checkers of measurement.md. */
    public static Judgement standard() {
        return new Judgement(new TimelineChecker(), new LossChecker(), new StaleReadChecker(), new SplitBrainChecker());
    }

    /** The verdict on every objective, with the reports they rest on. */
    public RunResult judge(RunEvidence evidence) {
        CheckContext context = new CheckContext(evidence);
        Outcome<Timeline> t = Outcome.of(timeline, context);
        Outcome<LossReport> l = Outcome.of(loss, context);
        Outcome<StaleReads> s = Outcome.of(staleReads, context);
        Outcome<SplitBrain> b = Outcome.of(splitBrain, context);
        Objectives objectives = evidence.objectives();
        ClockSync clock = evidence.clock();
        List<ObjectiveVerdict> verdicts = new ArrayList<>();
        verdicts.add(Verdicts.rto("rto", objectives.rto(), t, clock));
        verdicts.add(Verdicts.rpo("rpo", objectives.rpo(), l, clock));
        for (Objectives.StoreObjective store : objectives.dataStores()) {
            verdicts.add(perStore(Verdicts.rto("rto[" + store.dataStore() + "]", store.rto(), t, clock)));
            verdicts.add(perStore(Verdicts.rpo("rpo[" + store.dataStore() + "]", store.rpo(), l, clock)));
        }
        verdicts.add(Verdicts.integrity(l, s, b));
        Verdict overall = Verdict.PASS;
        for (ObjectiveVerdict v : verdicts) {
            overall = overall.worst(v.verdict());
        }
        List<CheckerFailure> failures = new ArrayList<>();
        for (Outcome<?> o : List.of(t, l, s, b)) {
            if (o.failed()) {
                failures.add(new CheckerFailure(o.checker(), o.failure()));
            }
        }
        return new RunResult(evidence.runId(), overall, verdicts, t.report(), l.report(), s.report(), b.report(),
                evidence.replicationLagBeforeT0(), clock, failures);
    }

    /** Judges a run again from its files alone (see {@link RunFiles}). */
    public static RunResult recompute(Path runDir) throws IOException {
        return standard().judge(RunFiles.readEvidence(runDir));
    }

    /** The estate has one replicated pair, so a data store's figures are the estate's; the reason says so. */
    private static ObjectiveVerdict perStore(ObjectiveVerdict v) {
        return new ObjectiveVerdict(v.objective(), v.verdict(), v.declared(), v.measured(),
                "measured estate-wide (every write goes to the one replicated pair): " + v.reason());
    }

    /** An exception as one line for a reason: its message, or its class when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
