package io.firedrill.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.FiredrillCliTest;

import org.junit.jupiter.api.Test;

/**
 * {@code firedrill bench faults} end to end on a short run: an orchestrator and an agent start, faults go
 * through the API and back, and every figure is printed. Whether the target is met is the command's call
 * on a quiet machine, not this test's.
 */
class FaultBenchCommandTest {
    @Test
    void timesTheFaultPathAndPrintsEveryFigureAndTheVerdict() {
        FiredrillCliTest.Result r = BenchCommandTest.run("bench", "faults", "--warmup", "5", "--cycles", "30");

        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).contains("fault path (30 cycles)")
                .contains("baseline: toxic added via the agent's API")
                .contains("apply: POST /api/v1/faults -> in effect")
                .contains("revert: DELETE /api/v1/faults/{id}")
                .containsPattern("(PASS|FAIL)  apply p99 <= 20 ms \\(measured \\d+\\.\\d\\d ms\\)");
    }

    @Test
    void helpHasExamplesThatFitEightyColumns() {
        FiredrillCliTest.Result r = BenchCommandTest.run("bench", "faults", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Examples:");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }
}
