package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Document;
import io.firedrill.model.Experiment;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.RollbackAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogTest {
    private final ModelLoader loader = new ModelLoader();

    static Stream<Source> catalog() {
        return Catalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void loadsEveryCatalogFileWithoutProblems(Source source) {
        Loaded<Document> loaded = loader.load(source);

        assertThat(loaded.problems()).as(source.name()).isEmpty();
    }

    @Test
    void listsExactlyTheFilesOfTheCatalogFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("catalog"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(Catalog.ESTATES.stream(), Catalog.EXPERIMENTS.stream()).toList());
        }
    }

    @Test
    void loadsTheCatalogFromFilesAsFromTheClasspath() throws IOException {
        Experiment fromFile = loader.loadExperiment(Source.file(Path.of("catalog/region-blackout.yaml"))).orElseThrow();
        Experiment fromClasspath = loader.loadExperiment(Source.classpath("catalog/region-blackout.yaml")).orElseThrow();

        assertThat(fromFile).isEqualTo(fromClasspath);
    }

    @Test
    void resolvesTheReferencedEstateAndTheDefaults() {
        Experiment blackout = loader.loadExperiment(Source.classpath("catalog/region-blackout.yaml")).orElseThrow();

        assertThat(blackout.estate().name()).isEqualTo("reference");
        assertThat(blackout.estate().region("us-east").orElseThrow().agent()).isEqualTo("us-east");
        assertThat(blackout.estate().link("eu-west->us-east/replication").orElseThrow().agent()).isEqualTo("us-east");
        assertThat(blackout.method().get(0).target()).isEqualTo(new FaultTarget.RegionBlackout("eu-west"));
        assertThat(blackout.method().get(0).end()).isEqualTo(Duration.ofSeconds(9));
        assertThat(blackout.probe("front-door").orElseThrow().path()).contains("/records?limit=1");
        assertThat(blackout.rollback()).containsExactly(new RollbackAction.RevertAllFaults("revert-all-faults"));
    }

    @Test
    void defaultsTheWorkloadToTheFrontDoorAndTheRollbackToRevertingFaults() {
        Experiment partition = loader.loadExperiment(Source.classpath("catalog/link-partition.yaml")).orElseThrow();

        assertThat(partition.workload().orElseThrow().through()).hasToString("http://127.0.0.1:18080");
        assertThat(partition.workload().orElseThrow().concurrency()).isEqualTo(4);
        assertThat(partition.objectives().steadyStateSamples()).isEqualTo(3);
        assertThat(partition.rollback()).containsExactly(new RollbackAction.RevertAllFaults("revert-all-faults"));
    }
}
