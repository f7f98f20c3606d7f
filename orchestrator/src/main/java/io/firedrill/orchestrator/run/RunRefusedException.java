package io.firedrill.orchestrator.run;

/** A run that may not start now (a HALT is in force); nothing was recorded or injected. Maps to 409. */
public final class RunRefusedException extends RuntimeException {
    public RunRefusedException(String message) {
        super(message, null, false, false);
    }
}
