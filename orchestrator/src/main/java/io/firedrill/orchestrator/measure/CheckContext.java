package io.firedrill.orchestrator.measure;

import java.time.Duration;

/**
 * What the checkers of one judgement share: the evidence, the clock start T0, and the history scanned once.
 * The scan runs on first use; if it fails, every checker that asks for it gets the same failure.
 */
final class CheckContext {
    private final RunEvidence evidence;
    private final Mark t0;
    private HistoryFacts history;
    private RuntimeException historyFailure;

    CheckContext(RunEvidence evidence) {
        this.evidence = evidence;
        this.t0 = Marks.t0(evidence);
    }

    RunEvidence evidence() {
        return evidence;
    }

    /** T0, observed or not. */
    Mark t0() {
        return t0;
    }

    /** The error bound of history times: the workload clients' clock mapping, at most the run's largest. */
    Duration historyBound() {
        return evidence.clock().maxBound();
    }

    HistoryFacts history() {
        if (historyFailure != null) {
            throw historyFailure;
        }
        if (history == null) {
            try {
                history = HistoryScan.scan(evidence.history());
            } catch (RuntimeException e) {
                historyFailure = e;
                throw e;
            }
        }
        return history;
    }
}
