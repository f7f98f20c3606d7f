package io.firedrill.orchestrator.run;

/** The lifecycle of a run (ARCHITECTURE.md), in order; ABORTED ends a run early from any state. */
public enum RunState {
    /** Agents online with the capabilities needed, the front door answering. Nothing is injected yet. */
    PREFLIGHT,
    /** Probes and workload running; the steady-state hypothesis must hold before any fault. */
    STEADY_BEFORE,
    /** The method's fault steps are applied at their offsets. */
    INJECT,
    /** Every step applied; waiting for them to end while probes, workload and stop conditions are watched. */
    OBSERVE,
    /** Every fault reverted, whatever happened before; waiting for steady state again. */
    RECOVER,
    /** Workload stopped, final read, checkers, verdicts, artefacts. */
    VERIFY,
    /** Judged: a verdict per objective. */
    DONE,
    /** Ended early: preflight refused, steady state did not hold, a stop condition fired, or an error. */
    ABORTED;

    public boolean terminal() {
        return this == DONE || this == ABORTED;
    }
}
