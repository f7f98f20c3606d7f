package io.firedrill.orchestrator.probe;

import java.time.Duration;

/**
 * How the probe service talks to agents. Defaults in {@link #defaults()}.
 *
 * @param answerTimeout      how long to wait for an agent's answer to a start or stop
 * @param defaultMaxDuration how long an agent keeps a run's probes going without being stopped, when the caller
 *                           gives no maximum; it bounds probes an orchestrator lost track of
 */
public record ProbeServiceConfig(Duration answerTimeout, Duration defaultMaxDuration) {

    public ProbeServiceConfig {
        for (Duration d : new Duration[] {answerTimeout, defaultMaxDuration}) {
            if (d == null || d.toMillis() < 1) {
                throw new IllegalArgumentException("probe service durations must be at least 1 ms, got " + d);
            }
        }
    }

    /** Answers within 10 s; probes stop on their own after 15 minutes. */
    public static ProbeServiceConfig defaults() {
        return new ProbeServiceConfig(Duration.ofSeconds(10), Duration.ofMinutes(15));
    }
}
