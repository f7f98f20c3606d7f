package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.load.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registering estates and pointing experiments at them by name, over HTTP: the estate is a copy of the
 * catalog's reference estate named {@code payments-prod}, with eu-west renamed eu-central.
 */
class EstatesApiTest extends RunningServer {
    private static final String YAML = "application/yaml";
    private static final String PAYMENTS = Source.classpath("catalog/reference-estate.yaml").text()
            .replace("name: reference\n", "name: payments-prod\n")
            .replace("eu-west", "eu-central");
    /** The catalog's blackout, moved to the registered estate and its eu-central region. */
    private static final String BLACKOUT = Source.classpath("catalog/region-blackout.yaml").text()
            .replace("name: region-blackout ", "name: payments-blackout ")
            .replace("estate: reference-estate.yaml", "estate: payments-prod")
            .replace("eu-west", "eu-central");

    @AfterEach
    void clean() {
        for (JsonNode e : api.get("/api/v1/experiments").json()) {
            api.delete("/api/v1/experiments/" + e.get("name").asText());
        }
        for (JsonNode e : api.get("/api/v1/estates").json()) {
            if (!e.get("builtIn").asBoolean()) {
                api.delete("/api/v1/estates/" + e.get("name").asText());
            }
        }
    }

    @Test
    void registersAnEstateAndServesItBackWithTheBuiltInOnes() {
        ApiClient.Reply created = api.post("/api/v1/estates", YAML, PAYMENTS);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/estates/payments-prod");
        JsonNode got = api.get("/api/v1/estates/payments-prod").json();
        assertThat(got.get("source").asText()).isEqualTo(PAYMENTS);
        assertThat(got.get("builtIn").asBoolean()).isFalse();
        assertThat(got.get("estate").get("regions").get(0).get("name").asText()).isEqualTo("eu-central");
        assertThat(got.get("usedBy")).isEmpty();
        JsonNode list = api.get("/api/v1/estates").json();
        assertThat(list).extracting(n -> n.get("name").asText()).containsExactly("payments-prod", "reference-estate",
                "reference-estate-postgres");
        assertThat(list.get(0).get("regions")).extracting(JsonNode::asText).containsExactly("eu-central", "us-east");
        assertThat(list.get(0).get("format").asText()).isEqualTo("yaml");
        assertThat(list.get(0).get("createdAt").asText()).isNotEmpty();
    }

    @Test
    void experimentNamingARegisteredEstateAndItsRegionIsCreated() {
        api.post("/api/v1/estates", YAML, PAYMENTS);

        ApiClient.Reply r = api.post("/api/v1/experiments", YAML, BLACKOUT);

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("experiment").get("estate").get("name").asText()).isEqualTo("payments-prod");
        assertThat(api.get("/api/v1/estates/payments-prod").json().get("usedBy"))
                .extracting(JsonNode::asText).containsExactly("payments-blackout");
    }

    @Test
    void experimentNamingARegionTheRegisteredEstateLacksGives400() {
        api.post("/api/v1/estates", YAML, PAYMENTS);
        String onEuWest = BLACKOUT.replace("region: eu-central", "region: eu-west");

        ApiClient.Reply r = api.post("/api/v1/experiments?filename=blackout.yaml", YAML, onEuWest);

        assertThat(r.status()).isEqualTo(400);
        assertThat(messages(r)).contains("blackout.yaml method[0].target.region: unknown region 'eu-west'; "
                + "expected one of eu-central, us-east");
        assertThat(api.get("/api/v1/experiments").json()).isEmpty();
    }

    @Test
    void experimentNamingAnUnknownEstateSaysWhereItLooked() {
        ApiClient.Reply r = api.post("/api/v1/experiments?filename=blackout.yaml", YAML, BLACKOUT);

        assertThat(r.status()).isEqualTo(400);
        assertThat(messages(r)).contains("blackout.yaml estate: cannot find estate 'payments-prod'; tried the "
                + "registered estates (GET /api/v1/estates), classpath catalog/payments-prod");
    }

    @Test
    void builtInEstateIsNamedByItsNameOrItsCatalogFile() {
        String byName = Source.classpath("catalog/region-blackout.yaml").text()
                .replace("estate: reference-estate.yaml", "estate: reference-estate");
        String byFile = Source.classpath("catalog/replication-lag.yaml").text();

        assertThat(api.post("/api/v1/experiments", YAML, byName).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/experiments", YAML, byFile).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/estates/reference-estate").json().get("usedBy"))
                .extracting(JsonNode::asText).containsExactly("region-blackout", "replication-lag");
    }

    @Test
    void deletingAnEstateInUseGives409AndKeepsBoth() {
        api.post("/api/v1/estates", YAML, PAYMENTS);
        api.post("/api/v1/experiments", YAML, BLACKOUT);

        ApiClient.Reply r = api.delete("/api/v1/estates/payments-prod");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText())
                .isEqualTo("estate 'payments-prod' is used by experiments payments-blackout; delete or change them first");
        assertThat(api.get("/api/v1/estates/payments-prod").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/experiments/payments-blackout").status()).isEqualTo(200);
    }

    @Test
    void deletingAnUnusedEstateGives204ThenItIsGone() {
        api.post("/api/v1/estates", YAML, PAYMENTS);
        api.post("/api/v1/experiments", YAML, BLACKOUT);
        api.delete("/api/v1/experiments/payments-blackout");

        assertThat(api.delete("/api/v1/estates/payments-prod").status()).isEqualTo(204);

        ApiClient.Reply again = api.delete("/api/v1/estates/payments-prod");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).isEqualTo("no estate named 'payments-prod'");
        assertThat(api.get("/api/v1/estates/payments-prod").status()).isEqualTo(404);
    }

    @Test
    void replacementThatDropsARegionAnExperimentUsesGives409AndChangesNothing() {
        api.post("/api/v1/estates", YAML, PAYMENTS);
        api.post("/api/v1/experiments", YAML, BLACKOUT);
        String withoutEuCentral = PAYMENTS.replace("eu-central", "eu-north");

        ApiClient.Reply r = api.put("/api/v1/estates/payments-prod", YAML, withoutEuCentral);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).startsWith("estate 'payments-prod' not replaced: experiments "
                + "payments-blackout (").contains(" would no longer be valid; change them first or keep what they use.");
        assertThat(messages(r)).hasSize(3).contains("payments-blackout.yaml method[0].target.region: unknown region "
                + "'eu-central'; expected one of eu-north, us-east");
        assertThat(r.json().get("error").asText()).contains("payments-blackout (3 problems)");
        assertThat(api.get("/api/v1/estates/payments-prod").json().get("source").asText()).isEqualTo(PAYMENTS);
        assertThat(api.get("/api/v1/experiments/payments-blackout").status()).isEqualTo(200);
    }

    @Test
    void replacementKeepsCreatedAtMovesUpdatedAtAndServesTheNewDocument() {
        JsonNode created = api.post("/api/v1/estates", YAML, PAYMENTS).json();
        api.post("/api/v1/experiments", YAML, BLACKOUT);
        String described = PAYMENTS.replaceFirst("description: >\n", "description: >\n  Payments, production.\n");

        ApiClient.Reply r = api.put("/api/v1/estates/payments-prod", YAML, described);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(api.get("/api/v1/estates/payments-prod").json());
        assertThat(r.json().get("usedBy")).extracting(JsonNode::asText).containsExactly("payments-blackout");
        assertThat(r.json().get("source").asText()).isEqualTo(described);
        assertThat(r.json().get("createdAt")).isEqualTo(created.get("createdAt"));
        assertThat(Instant.parse(r.json().get("updatedAt").asText()))
                .isAfter(Instant.parse(created.get("updatedAt").asText()));
    }

    @Test
    void replacementUnderAnotherNameGives400NamingBoth() {
        api.post("/api/v1/estates", YAML, PAYMENTS);

        ApiClient.Reply r = api.put("/api/v1/estates/payments-prod", YAML,
                PAYMENTS.replace("name: payments-prod", "name: payments-dr"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("the document names estate 'payments-dr' but the path "
                + "names 'payments-prod'; a PUT replaces the estate at its path and cannot rename it");
        assertThat(api.get("/api/v1/estates/payments-prod").json().get("source").asText()).isEqualTo(PAYMENTS);
    }

    @Test
    void replacementOfAnUnknownEstateGives404() {
        ApiClient.Reply r = api.put("/api/v1/estates/payments-prod", YAML, PAYMENTS);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no estate named 'payments-prod'");
        assertThat(api.get("/api/v1/estates/payments-prod").status()).isEqualTo(404);
    }

    @Test
    void builtInEstatesAreListedReadOnly() {
        JsonNode reference = api.get("/api/v1/estates/reference-estate").json();
        assertThat(reference.get("builtIn").asBoolean()).isTrue();
        assertThat(reference.get("regions")).extracting(JsonNode::asText).containsExactly("eu-west", "us-east");
        assertThat(reference.get("source").asText()).isEqualTo(Source.classpath("catalog/reference-estate.yaml").text());

        for (ApiClient.Reply r : List.of(api.put("/api/v1/estates/reference-estate", YAML, PAYMENTS),
                api.delete("/api/v1/estates/reference-estate"))) {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("error").asText()).isEqualTo("built-in estate 'reference-estate' cannot be changed");
        }
        assertThat(api.get("/api/v1/estates").json()).hasSize(2)
                .allSatisfy(e -> assertThat(e.get("builtIn").asBoolean()).isTrue());
    }

    @Test
    void registeringUnderABuiltInNameGives409() {
        ApiClient.Reply r = api.post("/api/v1/estates", YAML,
                PAYMENTS.replace("name: payments-prod", "name: reference-estate"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText())
                .isEqualTo("estate 'reference-estate' is a built-in estate; choose another name");
    }

    @Test
    void duplicateNameGives409AndKeepsTheFirst() {
        api.post("/api/v1/estates", YAML, PAYMENTS);

        ApiClient.Reply r = api.post("/api/v1/estates", YAML, PAYMENTS.replace("production: false", "production: true"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).isEqualTo("estate 'payments-prod' already exists; "
                + "replace it with PUT /api/v1/estates/payments-prod or choose another name");
        assertThat(api.get("/api/v1/estates/payments-prod").json().get("source").asText()).isEqualTo(PAYMENTS);
    }

    @Test
    void invalidEstateGives400WithEveryProblemAndStoresNothing() {
        String broken = PAYMENTS.replace("role: secondary", "role: standby").replace("listen: 127.0.0.1:18202", "listen: 18202");

        ApiClient.Reply r = api.post("/api/v1/estates?filename=payments.yaml", YAML, broken);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("estate is not valid: 2 problem(s); the first: payments.yaml:");
        assertThat(messages(r)).hasSize(2).anySatisfy(m -> assertThat(m).contains("regions[1].role: "))
                .anySatisfy(m -> assertThat(m).contains("links[1].listen: "));
        assertThat(api.get("/api/v1/estates/payments-prod").status()).isEqualTo(404);
    }

    @Test
    void experimentSentAsAnEstateGives400NamingTheKind() {
        ApiClient.Reply r = api.post("/api/v1/estates?filename=blackout.yaml", YAML, BLACKOUT);

        assertThat(r.status()).isEqualTo(400);
        assertThat(messages(r)).singleElement().asString().endsWith("kind: expected kind Estate here, got 'Experiment'");
    }

    @Test
    void validateReportsProblemsWithoutStoring() {
        ApiClient.Reply valid = api.post("/api/v1/estates/validate", YAML, PAYMENTS);
        ApiClient.Reply invalid = api.post("/api/v1/estates/validate", "application/json", "{\"kind\": \"Estate\"}");

        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.json().get("valid").asBoolean()).isFalse();
        assertThat(invalid.json().get("problems")).isNotEmpty();
        assertThat(api.get("/api/v1/estates").json()).as("only the built-in ones").hasSize(2);
    }

    @Test
    void unsupportedContentTypeAndEmptyBodyAreRefused() {
        assertThat(api.post("/api/v1/estates", "application/xml", "<estate/>").status()).isEqualTo(415);
        ApiClient.Reply empty = api.post("/api/v1/estates", YAML, " ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("error").asText())
                .isEqualTo("request body is empty; expected an estate document in YAML or JSON");
    }

    /** Each problem as the CLI prints it: {@code file:line:column path: message}, without line and column. */
    private static List<String> messages(ApiClient.Reply r) {
        List<String> out = new ArrayList<>();
        r.json().get("problems").forEach(p -> out.add(p.get("file").asText() + " " + p.get("path").asText() + ": "
                + p.get("message").asText()));
        return out;
    }
}
