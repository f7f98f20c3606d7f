package io.firedrill.orchestrator.run;

/** Ends a run early with a cause a person can act on; whatever was injected is reverted. */
public final class RunAbort extends RuntimeException {
    public RunAbort(String cause) {
        super(cause, null, false, false);
    }

    public RunAbort(String cause, Throwable error) {
        super(cause, error, false, false);
    }
}
