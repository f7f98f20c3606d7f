package io.firedrill.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Document;
import io.firedrill.model.Experiment;
import io.firedrill.model.ModelJson;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {
    private final ModelLoader loader = new ModelLoader();

    @Test
    void loadsAJsonExperimentEqualToItsYamlEquivalent() {
        Experiment yaml = loader.loadExperiment(Source.classpath("catalog/region-blackout.yaml")).orElseThrow();

        Loaded<Experiment> json = loader.loadExperiment(Source.classpath("json/region-blackout.json"));

        assertThat(json.problems()).isEmpty();
        assertThat(json.orElseThrow()).isEqualTo(yaml);
    }

    static Stream<Source> catalog() {
        return Catalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void rendersJsonThatLoadsBackToAnEqualDocument(Source source) {
        Document document = loader.load(source).orElseThrow();
        String json = ModelJson.toJson(document);

        Loaded<Document> reloaded = loader.load(Source.text("rendered.json", json));

        assertThat(reloaded.problems()).isEmpty();
        assertThat(reloaded.orElseThrow()).isEqualTo(document);
    }
}
