package io.firedrill.orchestrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Experiment;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import org.junit.jupiter.api.Test;

class BlastRadiusTest {
    private static final ModelLoader LOADER = new ModelLoader(ClasspathEstateResolver.catalog());

    @Test
    void everyCatalogExperimentStaysWithinTheReferenceEstatesLimit() {
        for (Source source : Catalog.experiments()) {
            Experiment e = LOADER.loadExperiment(source).orElseThrow();

            assertThat(BlastRadius.regionsTakenAway(e)).as(e.name()).hasSize(1);
            assertThat(BlastRadius.exceeded(e)).as(e.name()).isEmpty();
        }
    }

    @Test
    void replicationLagTakesOnlyTheBlackedOutPrimaryAway() {
        Experiment lag = LOADER.loadExperiment(catalog("replication-lag")).orElseThrow();

        assertThat(BlastRadius.regionsTakenAway(lag)).containsExactly("eu-west");
    }

    @Test
    void blackingOutBothRegionsOfATwoRegionEstateIsRefusedNamingThemAndTheLimit() {
        String text = catalog("region-blackout").text().replace("method:\n", """
                method:
                  - name: blackout-us-east
                    fault: region-blackout
                    target: {region: us-east}
                    after: 1s
                    duration: 5s
                """);
        Experiment both = LOADER.loadExperiment(Source.text("both.yaml", text)).orElseThrow();

        assertThat(BlastRadius.exceeded(both)).contains("preflight: the method takes 2 region(s) away (us-east, eu-west) "
                + "but estate 'reference' allows at most 1 (maxTargetRegions); nothing was injected");
    }

    private static Source catalog(String name) {
        return Catalog.experiments().stream().filter(s -> s.name().contains(name)).findFirst().orElseThrow();
    }
}
