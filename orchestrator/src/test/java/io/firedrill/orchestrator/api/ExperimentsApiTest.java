package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.load.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Creating, reading, replacing, validating and deleting experiments over HTTP, with the statuses a client relies on. */
class ExperimentsApiTest extends RunningServer {
    private static final String YAML = "application/yaml";
    private static final String BLACKOUT = Source.classpath("catalog/region-blackout.yaml").text();

    @AfterEach
    void clean() {
        for (JsonNode e : api.get("/api/v1/experiments").json()) {
            api.delete("/api/v1/experiments/" + e.get("name").asText());
        }
    }

    @Test
    void createsFromYamlAndServesItBack() {
        ApiClient.Reply created = api.post("/api/v1/experiments", YAML, BLACKOUT);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/experiments/region-blackout");
        assertThat(created.json().get("experiment").get("name").asText()).isEqualTo("region-blackout");

        ApiClient.Reply got = api.get("/api/v1/experiments/region-blackout");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("source").asText()).isEqualTo(BLACKOUT);
        assertThat(got.json().get("format").asText()).isEqualTo("yaml");
        assertThat(got.json().get("experiment").get("method")).isNotEmpty();

        assertThat(api.get("/api/v1/experiments").json()).extracting(n -> n.get("name").asText())
                .containsExactly("region-blackout");
    }

    @Test
    void createsFromJsonTheSameExperiment() throws Exception {
        JsonNode model = api.post("/api/v1/experiments/validate", YAML, BLACKOUT).json();
        assertThat(model.get("valid").asBoolean()).isTrue();
        String json = Json.mapper().writeValueAsString(new org.yaml.snakeyaml.Yaml().load(BLACKOUT));

        ApiClient.Reply created = api.post("/api/v1/experiments", "application/json", json);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("format").asText()).isEqualTo("json");
        assertThat(created.json().get("experiment").get("objectives"))
                .isEqualTo(api.get("/api/v1/experiments/region-blackout").json().get("experiment").get("objectives"));
    }

    @Test
    void invalidExperimentGives400WithEveryProblemAndStoresNothing() {
        String broken = BLACKOUT.replace("fault: region-blackout", "fault: blackhole")
                .replaceFirst("name: region-blackout", "name: Region Blackout!");

        ApiClient.Reply r = api.post("/api/v1/experiments?filename=broken.yaml", YAML, broken);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        List<String> messages = new ArrayList<>();
        r.json().get("problems").forEach(p -> messages.add(p.get("path").asText() + ": " + p.get("message").asText()));
        assertThat(messages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("method[0].fault: unknown fault 'blackhole'; expected one of region-blackout"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("name: ").contains("'Region Blackout!'"));
        assertThat(r.json().get("problems").get(0).get("file").asText()).isEqualTo("broken.yaml");
        assertThat(r.json().get("problems").get(0).get("line").asInt()).isPositive();
        assertThat(r.json().get("error").asText()).startsWith("experiment is not valid: ");
        assertThat(api.get("/api/v1/experiments").json()).isEmpty();
    }

    @Test
    void malformedYamlGives400AtItsLineAndColumn() {
        ApiClient.Reply r = api.post("/api/v1/experiments", YAML, "kind: Experiment\nname: [unclosed\n");
        assertThat(r.status()).isEqualTo(400);
        JsonNode problem = r.json().get("problems").get(0);
        assertThat(problem.get("line").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(problem.get("column").asInt()).isPositive();
    }

    @Test
    void malformedJsonGives400() {
        ApiClient.Reply r = api.post("/api/v1/experiments", "application/json", "{\"kind\": \"Experiment\", ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("problems")).isNotEmpty();
    }

    @Test
    void duplicateNameGives409AndKeepsTheFirst() {
        assertThat(api.post("/api/v1/experiments", YAML, BLACKOUT).status()).isEqualTo(201);
        String changed = BLACKOUT.replaceFirst("title: [^\\n]*", "title: A different one");

        ApiClient.Reply r = api.post("/api/v1/experiments", YAML, changed);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText())
                .isEqualTo("experiment 'region-blackout' already exists; delete it first or choose another name");
        assertThat(api.get("/api/v1/experiments/region-blackout").json().get("source").asText()).isEqualTo(BLACKOUT);
    }

    @Test
    void replaceKeepsCreatedAtMovesUpdatedAtAndAnswersAsGetDoes() {
        JsonNode created = api.post("/api/v1/experiments", YAML, BLACKOUT).json();
        String longer = BLACKOUT.replace("title: Blackout of eu-west", "title: Longer blackout of eu-west")
                .replaceFirst("(?m)^    duration: \\S+", "    duration: 45s");

        ApiClient.Reply r = api.put("/api/v1/experiments/region-blackout", YAML, longer);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(api.get("/api/v1/experiments/region-blackout").json());
        assertThat(r.json().get("title").asText()).isEqualTo("Longer blackout of eu-west");
        assertThat(r.json().get("source").asText()).isEqualTo(longer);
        assertThat(r.json().get("experiment").get("method").get(0).get("duration").asText()).isEqualTo("45s");
        assertThat(r.json().get("createdAt")).isEqualTo(created.get("createdAt"));
        assertThat(Instant.parse(r.json().get("updatedAt").asText()))
                .isAfter(Instant.parse(created.get("updatedAt").asText()));
    }

    @Test
    void replaceMayChangeTheFormat() throws Exception {
        api.post("/api/v1/experiments", YAML, BLACKOUT);
        String json = Json.mapper().writeValueAsString(new org.yaml.snakeyaml.Yaml().load(BLACKOUT));

        ApiClient.Reply r = api.put("/api/v1/experiments/region-blackout", "application/json", json);

        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/experiments/region-blackout").json().get("format").asText()).isEqualTo("json");
    }

    @Test
    void replaceUnderAnotherNameGives400NamingBothAndChangesNothing() {
        api.post("/api/v1/experiments", YAML, BLACKOUT);

        ApiClient.Reply r = api.put("/api/v1/experiments/region-blackout", YAML,
                BLACKOUT.replaceFirst("name: region-blackout", "name: eu-blackout"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("the document names experiment 'eu-blackout' but the path "
                + "names 'region-blackout'; a PUT replaces the experiment at its path and cannot rename it");
        assertThat(api.get("/api/v1/experiments/region-blackout").json().get("source").asText()).isEqualTo(BLACKOUT);
        assertThat(api.get("/api/v1/experiments/eu-blackout").status()).isEqualTo(404);
    }

    @Test
    void invalidReplacementGives400WithEveryProblemAndChangesNothing() {
        api.post("/api/v1/experiments", YAML, BLACKOUT);
        String broken = BLACKOUT.replace("fault: region-blackout", "fault: blackhole").replace("rto: 20s", "rto: -1s");

        ApiClient.Reply r = api.put("/api/v1/experiments/region-blackout?filename=edited.yaml", YAML, broken);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("experiment is not valid: 2 problem(s); the first: edited.yaml:");
        List<String> paths = new ArrayList<>();
        r.json().get("problems").forEach(p -> paths.add(p.get("path").asText()));
        assertThat(paths).containsExactly("method[0].fault", "objectives.rto");
        assertThat(api.get("/api/v1/experiments/region-blackout").json().get("source").asText()).isEqualTo(BLACKOUT);
    }

    @Test
    void replaceOfAnUnknownExperimentGives404AndCreatesNothing() {
        ApiClient.Reply r = api.put("/api/v1/experiments/region-blackout", YAML, BLACKOUT);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no experiment named 'region-blackout'");
        assertThat(api.get("/api/v1/experiments").json()).isEmpty();
    }

    @Test
    void deleteGives204ThenTheExperimentIsGone() {
        api.post("/api/v1/experiments", YAML, BLACKOUT);
        assertThat(api.delete("/api/v1/experiments/region-blackout").status()).isEqualTo(204);
        ApiClient.Reply again = api.delete("/api/v1/experiments/region-blackout");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).isEqualTo("no experiment named 'region-blackout'");
        assertThat(api.get("/api/v1/experiments/region-blackout").status()).isEqualTo(404);
    }

    @Test
    void validateReportsProblemsWithoutStoring() {
        ApiClient.Reply r = api.post("/api/v1/experiments/validate", YAML, BLACKOUT.replace("rto: ", "rto: -"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(r.json().get("problems").get(0).get("path").asText()).isEqualTo("objectives.rto");
        assertThat(api.get("/api/v1/experiments").json()).isEmpty();
    }

    @Test
    void unsupportedContentTypeGives415() {
        ApiClient.Reply r = api.post("/api/v1/experiments", "application/xml", "<experiment/>");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("error").asText())
                .isEqualTo("unsupported Content-Type 'application/xml'; expected application/yaml or application/json");
    }

    @Test
    void emptyBodyGives400() {
        ApiClient.Reply r = api.post("/api/v1/experiments", YAML, "  ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .isEqualTo("request body is empty; expected an experiment document in YAML or JSON");
    }
}
