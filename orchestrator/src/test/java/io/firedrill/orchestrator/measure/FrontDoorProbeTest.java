package io.firedrill.orchestrator.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Experiment;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which probes of the catalog's experiments count as the front door, and so decide T6. */
class FrontDoorProbeTest {
    private static Experiment catalog(String name) {
        Source source = Catalog.experiments().stream().filter(s -> s.name().contains(name)).findFirst()
                .orElseThrow();
        return new ModelLoader().loadExperiment(source).orElseThrow();
    }

    @Test
    void aProbeOfTheGlobalRouterIsTheFrontDoorAndRegionalOnesAreNot() {
        assertThat(FrontDoorProbe.of(catalog("region-blackout")))
                .containsExactly(new FrontDoorProbe("front-door", Duration.ofSeconds(1)));
    }

    @Test
    void anExperimentWithoutOneFallsBackToTheWrites() {
        assertThat(FrontDoorProbe.of(catalog("replication-lag"))).isEqualTo(List.of());
    }
}
