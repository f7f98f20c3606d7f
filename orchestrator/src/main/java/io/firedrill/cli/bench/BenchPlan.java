package io.firedrill.cli.bench;

import java.time.Duration;

/**
 * How long and how much each measurement runs. {@link #full()} gives figures worth publishing;
 * {@link #quick()} only shows that every section runs end to end (a smoke test), its figures are noisy.
 *
 * @param warmUp         traffic before each timed run, unrecorded, so both paths are compiled and connected
 * @param proxyWarmUp    the first warm-up through a freshly started proxy: its JIT compiles the copy loop only after
 *                       several seconds of traffic (seen 6-7 s after start), and a timed run during that compiles
 *                       measures the compiler, not the proxy
 * @param measure        length of each timed run of the no-toxics figures
 * @param connections    concurrent connections in the connections section
 * @param roundTrips     echo round trips on each of those connections
 * @param latencyProbes  echo round trips timed through the latency toxic
 * @param bandwidthBytes bytes sent through the bandwidth toxic
 * @param blast          how long the fast sender writes into the 1 s latency toxic
 * @param settle         pause before reading the proxy's memory after connections close
 */
record BenchPlan(Duration warmUp, Duration proxyWarmUp, Duration measure, int connections, int roundTrips,
                 int latencyProbes, long bandwidthBytes, Duration blast, Duration settle) {
    static BenchPlan full() {
        return new BenchPlan(Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(3), 1000, 5, 40,
                3_000_000, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    static BenchPlan quick() {
        return new BenchPlan(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(500), 1000, 2, 10,
                500_000, Duration.ofSeconds(2), Duration.ofMillis(300));
    }
}
