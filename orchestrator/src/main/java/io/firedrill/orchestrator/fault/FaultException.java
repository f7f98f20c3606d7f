package io.firedrill.orchestrator.fault;

/** A fault that could not be applied or found, with the HTTP status it maps to and the fault as it stands. */
public final class FaultException extends RuntimeException {
    private final int status;
    private final FaultView fault;

    public FaultException(int status, String message) {
        this(status, message, null);
    }

    public FaultException(int status, String message, FaultView fault) {
        super(message, null, false, false);
        this.status = status;
        this.fault = fault;
    }

    public int status() {
        return status;
    }

    /** The fault's state after the failure, or null when there is none. */
    public FaultView fault() {
        return fault;
    }
}
