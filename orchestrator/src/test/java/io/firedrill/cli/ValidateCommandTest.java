package io.firedrill.cli;

import static io.firedrill.cli.FiredrillCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.FiredrillCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firedrill validate} on runbooks: Markdown files, checked like estates and experiments. */
class ValidateCommandTest {
    private static final Path RUNBOOKS = Path.of("..", "runbooks");
    private static final Path CATALOG = Path.of("..", "experiments", "catalog");

    private static final String RUNBOOK = """
            ---
            id: my-drill-runbook
            title: My drill
            owner: payments on-call
            version: "1"
            experiments: [my-drill]
            steps:
              - id: failover
                title: Fail over
                role: on-call
                expected: 2m
                instructions: Fail over to us-east.
                action: {type: http, method: POST, target: router, path: /failover}
            ---

            # My drill
            """;

    @Test
    void acceptsEveryRunbookOfTheRunbooksFolder() throws IOException {
        String[] files;
        try (Stream<Path> list = Files.list(RUNBOOKS)) {
            files = Stream.concat(Stream.of("validate"), list.map(Path::toString).sorted()).toArray(String[]::new);
        }

        Result r = run(files);

        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("regional-failover.md: ok (Runbook 'regional-failover')")
                .contains("replication-lag-response.md: ok (Runbook 'replication-lag-response')")
                .contains("partition-triage.md: ok (Runbook 'partition-triage')")
                .contains((files.length - 1) + " file(s), 0 problem(s)");
    }

    @Test
    void reportsRunbookProblemsAtTheLinesOfTheMarkdownFileAndExitsOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.md");
        Files.writeString(file, RUNBOOK.replace("experiments: [my-drill]", "experiments: [region-blackout]")
                .replace("role: on-call", "role: oncall").replace("expected: 2m", "expected: 2"));

        Result r = run("validate", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(file + ":10:11 steps[0].role: unknown role 'oncall'; expected one of facilitator, "
                        + "on-call, observer, approver; did you mean 'on-call'?")
                .contains(file + ":11:15 steps[0].expected: expected a duration like 30s, 1m30s, 500ms or PT30S, got '2' (no unit)")
                .contains("1 file(s), 2 problem(s)");
    }

    @Test
    void checksARunbooksExperimentsAgainstTheCatalogAndTheFilesGivenWithIt(@TempDir Path dir) throws IOException {
        Path runbook = dir.resolve("my-drill.md");
        Files.writeString(runbook, RUNBOOK);
        Path experiment = dir.resolve("my-drill.yaml");
        Files.writeString(experiment, Files.readString(CATALOG.resolve("region-blackout.yaml"))
                .replace("name: region-blackout ", "name: my-drill "));

        Result alone = run("validate", runbook.toString());
        Result together = run("validate", experiment.toString(), runbook.toString());

        assertThat(alone.exit()).isEqualTo(1);
        assertThat(alone.out()).contains(runbook + ":6:15 experiments[0]: unknown experiment 'my-drill'; "
                + "expected one of region-blackout, replication-lag, link-partition");
        assertThat(together.exit()).as(together.out()).isZero();
        assertThat(together.out()).contains("my-drill.md: ok (Runbook 'my-drill-runbook')")
                .contains("my-drill.yaml: ok (Experiment 'my-drill')");
    }

    @Test
    void readsAFileWhoseFrontMatterSaysKindRunbookAsARunbook(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("failover.runbook");
        Files.writeString(file, RUNBOOK.replace("id: my-drill-runbook", "kind: Runbook\nid: my-drill-runbook")
                .replace("[my-drill]", "[region-blackout]"));

        Result r = run("validate", file.toString());

        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("failover.runbook: ok (Runbook 'my-drill-runbook')");
    }

    @Test
    void reportsAMarkdownFileWithoutFrontMatter(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.md");
        Files.writeString(file, "# Notes\n");

        Result r = run("validate", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(file + ":1:1: missing front matter; expected the file to start with a line '---'");
    }
}
