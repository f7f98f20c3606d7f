package io.firedrill.orchestrator.schedule;

import java.time.Duration;

/**
 * How the game-day scheduler behaves; {@link #defaults()} is what the orchestrator runs with.
 *
 * @param misfireThreshold a fire up to this late still runs (a busy pool, a restart); later it is a misfire, and a
 *                         game day is never run late (see {@link Triggers})
 * @param clusterCheckin   how often a clustered scheduler says it is alive; a peer silent for this plus 7.5 s is
 *                         taken over (its acquired triggers freed for the others)
 * @param idleWait         how long the scheduler thread sleeps with nothing due; a trigger a peer adds is noticed
 *                         within it
 * @param threads          Quartz worker threads; a fire only decides and starts a run, so a few are plenty
 */
public record ScheduleConfig(Duration misfireThreshold, Duration clusterCheckin, Duration idleWait, int threads) {

    public ScheduleConfig {
        if (misfireThreshold.isNegative() || misfireThreshold.isZero()) {
            throw new IllegalArgumentException("misfire threshold: " + misfireThreshold
                    + "; expected a positive duration");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + "; expected at least 1");
        }
    }

    public static ScheduleConfig defaults() {
        return new ScheduleConfig(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10), 2);
    }
}
