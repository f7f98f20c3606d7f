package io.firedrill.orchestrator.store;

/** A create that would break a uniqueness rule (same experiment name, same region enrollment). */
public class DuplicateException extends RuntimeException {
    public DuplicateException(String message) {
        super(message);
    }
}
