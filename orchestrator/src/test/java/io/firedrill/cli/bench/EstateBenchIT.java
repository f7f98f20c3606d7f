package io.firedrill.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.FiredrillCliTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code firedrill bench estate} end to end on a short run of the H2 estate: throughput against its direct
 * baseline, replication lag, and one timed failover whose segments come in the order T1 <= T2 <= T3 <= T4.
 */
class EstateBenchIT {
    private static final Pattern SEGMENT = Pattern.compile("(T[1-4]) [^\\n]*?\\s+(\\d+)\\s+\\d+\\s+\\d+\\n");

    @Test
    void measuresThroughputLagAndAFailoverOfTheH2Estate() {
        FiredrillCliTest.Result r = BenchCommandTest.run("bench", "estate", "--seconds", "2", "--failovers", "1",
                "--concurrency", "4");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("reference estate on h2")
                .containsPattern("baseline: straight to the primary's app\\s+[1-9]\\d*")
                .containsPattern("through the front door \\(router \\+ users link\\)\\s+[1-9]\\d*")
                .containsPattern("front door sustains \\d+\\.\\d\\dx the direct rate")
                .contains("ack to readable on the replica, ms");
        Matcher m = SEGMENT.matcher(r.out());
        long previous = 0;
        int segments = 0;
        while (m.find()) {
            long median = Long.parseLong(m.group(2));
            assertThat(median).as(m.group(0)).isGreaterThanOrEqualTo(previous);
            previous = median;
            segments++;
        }
        assertThat(segments).as(r.out()).isEqualTo(4);
        assertThat(previous).as("the first write after the blackout waits for detection (3 x 500 ms) at least")
                .isGreaterThanOrEqualTo(1000);
    }
}
