package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.load.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs on a production estate need a second person's approval: requested by one, decided by another with role
 * approver, taken by one run before it expires. Every step is recorded with who did it.
 */
class ApprovalsApiTest extends RunningServer {
    private static String alice;
    private static String bob;

    @BeforeAll
    static void productionEstateAndExperiment() {
        String estate = Source.classpath("catalog/reference-estate.yaml").text()
                .replaceFirst("(?m)^name: .*$", "name: prod").replaceFirst("(?m)^production: false", "production: true");
        assertThat(api.post("/api/v1/estates", "application/yaml", estate).status()).isEqualTo(201);
        String experiment = Source.classpath("catalog/region-blackout.yaml").text()
                .replaceFirst("(?m)^name: .*$", "name: prod-blackout")
                .replaceFirst("(?m)^estate: .*$", "estate: prod");
        ApiClient.Reply stored = api.post("/api/v1/experiments", "application/yaml", experiment);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(api.post("/api/v1/experiments", "application/yaml", Source.classpath(
                "catalog/region-blackout.yaml").text()).status()).isEqualTo(201);
        alice = api.userToken("alice", "operator");
        bob = api.userToken("bob", "approver");
    }

    @Test
    void withoutAnApprovalAProductionRunStopsInPreflight() {
        JsonNode run = runToEnd(api.as(alice));

        assertThat(run.path("run").path("cause").asText()).isEqualTo("preflight: estate 'prod' is production: a run "
                + "of prod-blackout needs an approval granted by a second person with role approver (POST "
                + "/api/v1/approvals, then POST /api/v1/approvals/{id}/approve); nothing was injected");
    }

    @Test
    void aSecondPersonApprovesAndTheApprovalStaysUnusedUntilARunPassesEveryCheck() {
        JsonNode requested = request(alice, "quarterly failover drill", null);
        assertThat(requested.path("state").asText()).isEqualTo("pending");
        assertThat(requested.path("requestedBy").asText()).isEqualTo("alice");
        assertThat(requested.path("estate").asText()).isEqualTo("prod");
        String id = requested.path("id").asText();

        ApiClient.Reply byOperator = api.as(alice).post("/api/v1/approvals/" + id + "/approve", null, "");
        assertThat(byOperator.status()).isEqualTo(403);
        ApiClient.Reply approved = api.as(bob).post("/api/v1/approvals/" + id + "/approve", "application/json",
                "{\"note\":\"watching with you\"}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().path("decidedBy").asText()).isEqualTo("bob");
        ApiClient.Reply twice = api.as(bob).post("/api/v1/approvals/" + id + "/reject", "application/json",
                "{\"note\":\"changed my mind\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("error").asText())
                .isEqualTo("approval " + id + " is approved (by bob); only a pending one can be decided");

        // No agent is connected here: preflight passes the approval check, stops at the agents, and leaves the
        // approval for the next attempt.
        JsonNode run = runToEnd(api.as(alice));
        assertThat(run.path("run").path("cause").asText()).startsWith("preflight: the agent of region(s)");
        assertThat(api.get("/api/v1/approvals/" + id).json().path("state").asText()).isEqualTo("approved");
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        String id = request(null, "drill by the admin", null).path("id").asText();

        ApiClient.Reply self = api.post("/api/v1/approvals/" + id + "/approve", null, "");

        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().path("error").asText())
                .isEqualTo("admin requested approval " + id + "; a second person must decide it");
    }

    @Test
    void aRejectionNeedsANoteAndIsRecorded() {
        String id = request(alice, "try during the sale", null).path("id").asText();

        ApiClient.Reply bare = api.as(bob).post("/api/v1/approvals/" + id + "/reject", null, "");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().path("error").asText()).startsWith("note: a rejection needs a note saying why");
        ApiClient.Reply rejected = api.as(bob).post("/api/v1/approvals/" + id + "/reject", "application/json",
                "{\"note\":\"not during the sale\"}");

        assertThat(rejected.json().path("state").asText()).isEqualTo("rejected");
        assertThat(rejected.json().path("note").asText()).isEqualTo("not during the sale");
        assertThat(api.get("/api/v1/approvals?state=rejected").json().findValuesAsText("id")).contains(id);
    }

    @Test
    void anApprovalThatRunsOutOfTimeIsRecordedExpiredAndCannotBeDecided() {
        String id = request(alice, "short window", "1s").path("id").asText();

        await("the approval expires").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/approvals/" + id).json().path("state").asText().equals("expired"));
        ApiClient.Reply late = api.as(bob).post("/api/v1/approvals/" + id + "/approve", null, "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("error").asText()).isEqualTo("approval " + id + " is expired; only a pending one "
                + "can be decided");
    }

    @Test
    void badRequestsNameTheFieldAndStoreNothing() {
        int before = api.get("/api/v1/approvals").json().size();
        List<String> errors = new ArrayList<>();
        for (String body : List.of("{\"reason\":\"x\"}", "{\"experiment\":\"nope\",\"reason\":\"x\"}",
                "{\"experiment\":\"region-blackout\",\"reason\":\"x\"}",
                "{\"experiment\":\"prod-blackout\",\"reason\":\"x\",\"validFor\":\"forever\"}")) {
            ApiClient.Reply r = api.as(alice).post("/api/v1/approvals", "application/json", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            errors.add(r.json().path("error").asText());
        }

        assertThat(errors.get(0)).isEqualTo("experiment: expected a non-empty string, got nothing");
        assertThat(errors.get(1)).isEqualTo("experiment: no stored experiment named 'nope'");
        assertThat(errors.get(2)).isEqualTo("experiment: 'region-blackout' runs on estate 'reference', which is not "
                + "production (production: false); its runs need no approval");
        assertThat(errors.get(3)).startsWith("validFor: ");
        assertThat(api.get("/api/v1/approvals").json().size()).isEqualTo(before);
    }

    private static JsonNode request(String token, String reason, String validFor) {
        ApiClient client = token == null ? api : api.as(token);
        ApiClient.Reply r = client.post("/api/v1/approvals", "application/json", "{\"experiment\":\"prod-blackout\","
                + "\"reason\":\"" + reason + "\"" + (validFor == null ? "" : ",\"validFor\":\"" + validFor + "\"") + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode runToEnd(ApiClient client) {
        ApiClient.Reply started = client.post("/api/v1/runs?experiment=prod-blackout", null, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.json().path("id").asText();
        await("run " + id + " ends").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !api.get("/api/v1/runs/" + id).json().path("inFlight").asBoolean());
        return api.get("/api/v1/runs/" + id).json();
    }
}
