package io.firedrill.orchestrator.measure;

import java.util.Objects;

/**
 * A checker that threw instead of deciding. Its verdicts are UNKNOWN with this message as the reason; the
 * failure is listed in the result so it is fixed rather than mistaken for a property of the system.
 *
 * @param checker {@code timeline}, {@code loss}, {@code stale-reads} or {@code split-brain}
 * @param message the exception's message, prefixed with its class when it had none
 */
public record CheckerFailure(String checker, String message) {
    public CheckerFailure {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(message, "message");
    }
}
