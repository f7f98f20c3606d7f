package io.firedrill.cli.bench;

/** The benchmark cannot run at all (the proxy process does not start, say): one line for the user, exit 2. */
final class BenchSetupException extends Exception {
    BenchSetupException(String message) {
        super(message);
    }

    BenchSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
