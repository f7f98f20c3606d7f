package io.firedrill.cli;

/** A failure the operator can act on, told as one line on stderr with exit code 1 (no stack trace). */
final class CliFailure extends RuntimeException {
    CliFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
