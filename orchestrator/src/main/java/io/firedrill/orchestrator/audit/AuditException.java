package io.firedrill.orchestrator.audit;

/** The audit log cannot do what was asked: an append kept losing the race for a number, or the log is damaged. */
public class AuditException extends RuntimeException {
    public AuditException(String message) {
        super(message);
    }
}
