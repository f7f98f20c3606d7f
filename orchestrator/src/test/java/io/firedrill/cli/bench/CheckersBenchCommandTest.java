package io.firedrill.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.FiredrillCliTest;
import io.firedrill.orchestrator.measure.Judgement;
import io.firedrill.orchestrator.measure.RunFiles;
import io.firedrill.orchestrator.measure.RunResult;
import io.firedrill.orchestrator.measure.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firedrill bench checkers} on a short history: the run is generated, judged in this JVM and in a child
 * JVM, and every figure and verdict line is printed. Whether the time target is met is the command's call on a
 * quiet machine, not this test's; that the judgement finds what was planted is.
 */
class CheckersBenchCommandTest {
    @Test
    void judgesAGeneratedRunAndPrintsEveryFigureAndVerdict(@TempDir Path dir) throws Exception {
        FiredrillCliTest.Result r = BenchCommandTest.run("bench", "checkers", "--ops", "20000", "--runs", "1",
                "--dir", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isIn(0, 1);
        assertThat(r.out()).containsPattern("checkers over a 200\\d\\d-entry history \\(\\d+\\.\\d MB, \\d+ writes, "
                        + "\\d+ lost\\)")
                .containsPattern("baseline: stream-parse history.jsonl +\\d+ ms")
                .containsPattern("judge\\(\\): every checker, from the run files +\\d+ ms +\\d+\\.\\dx the parse")
                .containsPattern("judge\\(\\) once, cold, in a child JVM -Xmx512m +\\d+ ms")
                .containsPattern("(PASS|FAIL)  judge\\(\\) <= 0\\.04 s for 200\\d\\d entries "
                        + "\\(measured \\d+\\.\\d\\d s\\)")
                .contains("PASS  judge() completes within -Xmx512m")
                .contains("PASS  the judgement finds what was planted");
        assertThat(dir.resolve(RunFiles.HISTORY)).exists();
        RunResult recomputed = Judgement.recompute(dir);
        assertThat(recomputed.overall()).isEqualTo(Verdict.PASS);
        assertThat(Files.readAllLines(dir.resolve(RunFiles.HISTORY))).hasSizeBetween(20_000, 20_010);
    }

    @Test
    void badUsageIsOneLineAndExitTwo() {
        FiredrillCliTest.Result r = BenchCommandTest.run("bench", "checkers", "--heap", "lots");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("firedrill bench checkers: --heap: expected a JVM heap size like 512m or 1g, "
                + "got 'lots'" + System.lineSeparator());
    }

    @Test
    void helpHasExamplesThatFitEightyColumns() {
        FiredrillCliTest.Result r = BenchCommandTest.run("bench", "checkers", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Examples:").doesNotContain("--judge-dir");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }
}
