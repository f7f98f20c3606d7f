package io.firedrill.orchestrator.schedule;

/**
 * A schedule or freeze window that cannot be what was asked: the message names the field, the bad value and what
 * was expected. The API answers it with a 400; nothing was stored.
 */
public final class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
