package io.firedrill.orchestrator.agents;

import io.firedrill.build.BuildInfo;
import java.time.Duration;

/**
 * How the hub watches its agents. Defaults in {@link #defaults()}; tests shorten the intervals.
 *
 * @param missedHeartbeats    an agent silent for more than this many of its own heartbeat intervals is offline
 * @param sweepInterval       how often that is checked (adds at most this much to the detection time)
 * @param timeSyncInterval    how often one time-sync exchange runs on each connection
 * @param timeSyncBurst       exchanges right after hello, back to back, so an offset is known at once
 * @param offsetWindow        the estimate comes from the best of this many recent exchanges
 * @param persistInterval     while online, an agent's record is written at most this often
 * @param helloTimeout        a connection that has not said hello by then is closed
 * @param orchestratorVersion reported to agents in welcome
 */
public record AgentHubConfig(
        int missedHeartbeats,
        Duration sweepInterval,
        Duration timeSyncInterval,
        int timeSyncBurst,
        int offsetWindow,
        Duration persistInterval,
        Duration helloTimeout,
        String orchestratorVersion) {

    public AgentHubConfig {
        if (missedHeartbeats < 1 || timeSyncBurst < 0 || offsetWindow < 1) {
            throw new IllegalArgumentException("missedHeartbeats and offsetWindow must be at least 1 and "
                    + "timeSyncBurst at least 0; got " + missedHeartbeats + ", " + offsetWindow + ", " + timeSyncBurst);
        }
        for (Duration d : new Duration[] {sweepInterval, timeSyncInterval, persistInterval, helloTimeout}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("hub intervals must be positive, got " + d);
            }
        }
    }

    public static AgentHubConfig defaults() {
        return new AgentHubConfig(3, Duration.ofMillis(100), Duration.ofSeconds(5), 5, 8,
                Duration.ofSeconds(10), Duration.ofSeconds(10), BuildInfo.version());
    }

    public AgentHubConfig withTimeSyncInterval(Duration interval) {
        return new AgentHubConfig(missedHeartbeats, sweepInterval, interval, timeSyncBurst, offsetWindow,
                persistInterval, helloTimeout, orchestratorVersion);
    }

    public AgentHubConfig withHelloTimeout(Duration timeout) {
        return new AgentHubConfig(missedHeartbeats, sweepInterval, timeSyncInterval, timeSyncBurst, offsetWindow,
                persistInterval, timeout, orchestratorVersion);
    }
}
