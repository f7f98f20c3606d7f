package io.firedrill.orchestrator.fault;

import java.time.Duration;

/**
 * @param defaultLease  how long an agent keeps a fault without a renewal, unless the fault says otherwise
 * @param answerTimeout how long to wait for an agent to answer an apply or revert
 * @param renewCheck    how often to look for leases due for renewal (each is renewed every third of it)
 */
public record FaultServiceConfig(Duration defaultLease, Duration answerTimeout, Duration renewCheck) {
    public static FaultServiceConfig defaults() {
        return new FaultServiceConfig(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(250));
    }
}
