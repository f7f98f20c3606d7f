package io.firedrill.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.Firedrill;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code firedrill bench proxy --quick} end to end against a real {@code firedrill proxy} process. It checks
 * that every section runs to the end and reports its figures and targets, not whether the targets are met:
 * timing on a shared CI machine is too noisy for that, and judging is the command's own job.
 */
class ProxyBenchIT {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void quickRunReportsEverySectionToTheEnd(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Firedrill.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("bench", "proxy", "--quick", "--json", json.toString());

        String report = out + "\n--- stderr ---\n" + err;
        assertThat(exit).as(report).isIn(0, 1);
        assertThat(out.toString()).as(report).doesNotContain("stopped:").doesNotContain("UNKNOWN")
                .contains("targets").containsPattern("\\d+ of \\d+ targets pass");
        for (BenchSection section : ProxyBenchCommand.SECTIONS) {
            assertThat(out.toString()).as(report).contains(section.name() + ": " + section.title());
            for (String target : section.targets()) {
                assertThat(out.toString()).as(report).containsPattern("(PASS|FAIL)\\s+\\Q" + target + "\\E: ");
            }
        }
        // The bulk stream is also measured through the plain relay, whose process is gone with the run.
        assertThat(out.toString()).as(report).containsPattern("\\Q" + NoToxicsSection.PLAIN_RELAY + "\\E\\s+MiB/s");
        assertThat(ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
                .filter(c -> c.contains(PlainRelay.class.getName()))).as("plain relay processes left").isEmpty();
        assertThat(err.toString()).contains("proxy pid").contains("== back-pressure");
        JsonObject written = new JsonObject(Files.readString(json));
        assertThat(written.getJsonArray("sections")).hasSize(ProxyBenchCommand.SECTIONS.size());
    }
}
