package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Experiment;
import io.firedrill.model.Runbook;
import io.firedrill.model.RunbookAction;
import io.firedrill.model.RunbookMarkdown;
import io.firedrill.model.RunbookStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The runbooks of the top-level {@code runbooks/} folder, as shipped in the jar under {@code runbooks/}. */
class RunbookCatalogTest {
    private static final Path FOLDER = Path.of("..", "runbooks");

    private final ModelLoader loader = new ModelLoader();

    static Stream<Path> runbookFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runbookFiles")
    void loadsEveryRunbookOfTheFolderWithoutProblems(Path file) throws IOException {
        Loaded<Runbook> loaded = loader.loadRunbook(Source.file(file));

        assertThat(loaded.problems()).as(file.toString()).isEmpty();
    }

    @Test
    void listsExactlyTheFilesOfTheRunbooksFolder() throws IOException {
        assertThat(runbookFiles().map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(Catalog.RUNBOOKS);
    }

    @Test
    void hasARunbookForEveryCatalogExperiment() {
        List<Runbook> runbooks = shipped();

        for (Experiment experiment : Catalog.experiments().stream().map(s -> loader.loadExperiment(s).orElseThrow()).toList()) {
            assertThat(runbooks).as("a runbook for " + experiment.name()).anyMatch(r -> r.appliesTo(experiment.name()));
        }
    }

    @Test
    void loadsTheRunbooksFromTheClasspathAsFromFiles() throws IOException {
        for (String file : Catalog.RUNBOOKS) {
            Runbook fromFile = loader.loadRunbook(Source.file(FOLDER.resolve(file))).orElseThrow();

            assertThat(loader.loadRunbook(Source.classpath(Catalog.RUNBOOKS_FOLDER + "/" + file)).orElseThrow()).isEqualTo(fromFile);
        }
    }

    @Test
    void namesEachRunbookAfterItsFileAndAsksEveryStepForEvidence() {
        for (int i = 0; i < Catalog.RUNBOOKS.size(); i++) {
            Runbook runbook = shipped().get(i);

            assertThat(Catalog.RUNBOOKS.get(i)).isEqualTo(runbook.id() + ".md");
            assertThat(runbook.steps()).as(runbook.id()).allSatisfy(s -> assertThat(s.evidence()).as(s.id()).isNotEmpty());
        }
    }

    @Test
    void triggersTheRoutersFailoverFromTheRegionalFailoverRunbook() {
        RunbookStep trigger = shipped().get(0).step("trigger-failover").orElseThrow();

        assertThat(trigger.action()).isInstanceOfSatisfying(RunbookAction.Http.class, http -> {
            assertThat(http.method()).isEqualTo(RunbookAction.Method.POST);
            assertThat(http.target()).isEqualTo("router");
            assertThat(http.path()).isEqualTo("/failover");
        });
    }

    @Test
    void rendersEveryShippedRunbookBackToAnEqualOne() {
        for (Runbook runbook : shipped()) {
            Loaded<Runbook> reloaded = loader.loadRunbook(Source.text(runbook.id() + ".md", RunbookMarkdown.render(runbook)));

            assertThat(reloaded.problems()).isEmpty();
            assertThat(reloaded.orElseThrow()).isEqualTo(runbook);
        }
    }

    private List<Runbook> shipped() {
        return Catalog.runbooks().stream().map(s -> loader.loadRunbook(s).orElseThrow()).toList();
    }
}
