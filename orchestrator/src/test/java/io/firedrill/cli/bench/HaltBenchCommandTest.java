package io.firedrill.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.FiredrillCliTest;
import org.junit.jupiter.api.Test;

/**
 * {@code firedrill bench halt} end to end on a short run: an orchestrator and a few agents start, each holds a fault,
 * HALT reverts them all (the command checks every agent confirmed and every fault was reverted, or fails with 2) and
 * every figure is printed. Whether the 1 s target is met is the command's call on a quiet machine, not this test's.
 */
class HaltBenchCommandTest {
    @Test
    void haltsEveryAgentAndPrintsEveryFigureAndTheVerdict() {
        FiredrillCliTest.Result r = BenchCommandTest.run("bench", "halt", "--agents", "4", "--rounds", "2");

        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).contains("HALT with 4 agents each holding a fault (2 rounds)")
                .contains("baseline: one fault reverted on one agent (DELETE)")
                .containsPattern("HALT: call to the last agent's confirmation +\\d+ ms +\\d+ ms")
                .containsPattern("HALT of 4 agents takes \\d+\\.\\dx one revert on one agent")
                .containsPattern("(PASS|FAIL)  HALT to the last confirmation <= 1000 ms \\(slowest round \\d+ ms\\)");
        assertThat(r.err()).contains("round 2/2: last confirmation after");
    }
}
