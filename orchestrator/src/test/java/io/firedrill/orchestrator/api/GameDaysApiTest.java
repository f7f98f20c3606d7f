package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.load.Source;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Game days and runbooks over the API: every field of a new game day checked with a message that names it, runbooks
 * sent as Markdown checked like files, and runs of game days that no agent can serve: they end in preflight at once,
 * and their steps can no longer change.
 */
class GameDaysApiTest extends RunningServer {
    private static String alice;
    private static String bob;

    @BeforeAll
    static void storedExperimentsAndPeople() {
        for (String name : List.of("region-blackout", "replication-lag")) {
            ApiClient.Reply r = api.post("/api/v1/experiments", "application/yaml",
                    Source.classpath("catalog/" + name + ".yaml").text());
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        alice = api.userToken("alice", "viewer");
        bob = api.userToken("bob", "viewer");
    }

    @Test
    void theBuiltInRunbooksAreListedAndServedWithTheirSteps() {
        JsonNode all = api.get("/api/v1/runbooks").json();
        assertThat(all.findValuesAsText("id")).startsWith("regional-failover", "replication-lag-response",
                "partition-triage");

        JsonNode one = api.get("/api/v1/runbooks/regional-failover").json();
        assertThat(one.path("summary").path("builtIn").asBoolean()).isTrue();
        assertThat(one.path("summary").path("steps").asInt()).isEqualTo(9);
        assertThat(one.path("runbook").path("steps").get(4).path("id").asText()).isEqualTo("trigger-failover");
        assertThat(one.path("source").asText()).startsWith("---\nid: regional-failover");
        assertThat(api.get("/api/v1/runbooks/nope").status()).isEqualTo(404);
    }

    @Test
    void aRunbookSentAsMarkdownIsCheckedLikeAFileAndStoredUnderItsId() {
        String broken = RUNBOOK.replace("role: on-call", "role: oncall").replace("expected: 2m", "expected: 2");
        ApiClient.Reply refused = api.post("/api/v1/runbooks?filename=failover.md", "text/markdown", broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("problems").findValuesAsText("message")).containsExactly(
                "unknown role 'oncall'; expected one of facilitator, on-call, observer, approver; did you mean "
                        + "'on-call'?",
                "expected a duration like 30s, 1m30s, 500ms or PT30S, got '2' (no unit)");
        assertThat(refused.json().path("problems").get(0).path("line").asInt()).isEqualTo(10);
        assertThat(refused.json().path("problems").get(0).path("column").asInt()).isEqualTo(11);
        assertThat(refused.json().path("problems").get(0).path("file").asText()).isEqualTo("failover.md");

        ApiClient.Reply stored = api.post("/api/v1/runbooks", "text/markdown", RUNBOOK.replace("my-runbook", "kept"));
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(stored.json().path("summary").path("createdBy").asText()).isEqualTo("admin");
        assertThat(api.post("/api/v1/runbooks", "text/markdown", RUNBOOK.replace("my-runbook", "kept")).json()
                .path("error").asText()).isEqualTo("a runbook with id 'kept' exists already");
        assertThat(api.post("/api/v1/runbooks", "text/markdown", RUNBOOK.replace("my-runbook", "regional-failover"))
                .json().path("error").asText())
                .isEqualTo("runbook regional-failover is built in; give yours another id");
        assertThat(api.post("/api/v1/runbooks", "application/yaml", RUNBOOK).status()).isEqualTo(415);
        assertThat(api.delete("/api/v1/runbooks/regional-failover").status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/runbooks/kept").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/runbooks/kept").status()).isEqualTo(404);
    }

    @Test
    void everyFieldOfANewGameDayIsCheckedAndNamedWhenWrong() {
        assertRefused(gameDay("bad name", "regional-failover", "region-blackout", "alice", "on-call"), 400,
                "name: 'bad name' is not a valid game day name; expected 1 to 100 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit");
        assertRefused(gameDay("g", "nope", "region-blackout", "alice", "on-call"), 400, "runbook: no runbook 'nope'; "
                + "known ones are regional-failover, replication-lag-response, partition-triage (send another with "
                + "POST /api/v1/runbooks)");
        assertRefused(gameDay("g", "regional-failover", "replication-lag", "alice", "on-call"), 400,
                "experiments[0]: runbook regional-failover applies to region-blackout, not to 'replication-lag'");
        assertRefused(gameDay("g", "partition-triage", "link-partition", "alice", "on-call"), 400,
                "experiments[0]: experiment 'link-partition' is not stored; store it first with POST "
                        + "/api/v1/experiments");
        assertRefused(gameDay("g", "regional-failover", "region-blackout", "zoe", "on-call"), 400,
                "participants[0].user: no user named 'zoe'; create them first (POST /api/v1/users)");
        assertRefused(gameDay("g", "regional-failover", "region-blackout", "alice", "oncall"), 400,
                "participants[0].role: unknown role 'oncall'; expected one of facilitator, on-call, observer, "
                        + "approver");
        assertRefused(api.post("/api/v1/gamedays", "application/json", "{\"name\": \"g\", \"runbook\": "
                + "\"regional-failover\", \"experiments\": [\"region-blackout\"], \"participants\": [{\"user\": "
                + "\"alice\", \"role\": \"on-call\"}, {\"user\": \"alice\", \"role\": \"observer\"}]}"), 400,
                "participants[1].user: 'alice' is listed twice; a participant has one role in a game day");
        assertRefused(api.as(alice).post("/api/v1/gamedays", "application/json", "{}"), 403,
                "forbidden: POST /api/v1/gamedays needs role operator or admin; alice has role viewer");
        assertThat(api.get("/api/v1/gamedays").json().findValuesAsText("name")).doesNotContain("g");
    }

    @Test
    void aGameDayRunThatNoAgentCanServeEndsInPreflightAndItsStepsCanNoLongerChange() {
        JsonNode created = gameDay("dark-day", "regional-failover", "region-blackout", "alice", "on-call").json();
        assertThat(created.path("uncoveredRoles").toString()).isEqualTo("[\"facilitator\",\"approver\",\"observer\"]");
        assertRefused(gameDay("dark-day", "regional-failover", "region-blackout", "bob", "on-call"), 409,
                "a game day named 'dark-day' exists already");

        ApiClient.Reply started = api.post("/api/v1/gamedays/dark-day/runs", null, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String run = started.json().path("id").asText();
        assertThat(started.json().path("experiment").asText()).isEqualTo("region-blackout");
        await("preflight ends the run").atMost(Duration.ofSeconds(30)).until(() ->
                !api.get("/api/v1/runs/" + run + "/steps").json().path("inFlight").asBoolean());

        JsonNode steps = api.get("/api/v1/runs/" + run + "/steps").json();
        assertThat(steps.path("runState").asText()).isEqualTo("ABORTED");
        assertThat(steps.path("summary").path("pending").asInt()).isEqualTo(9);
        assertRefused(api.as(bob).post("/api/v1/runs/" + run + "/steps/detect/start", null, ""), 403,
                "step detect needs role on-call; bob is not a participant of game day dark-day");
        assertRefused(api.as(alice).post("/api/v1/runs/" + run + "/steps/detect/start", null, ""), 409,
                "run " + run + " is not in flight (state ABORTED); step detect can be started only while the run is "
                        + "in flight");
        assertRefused(api.post("/api/v1/gamedays/dark-day/runs", null, ""), 400, "experiment: every experiment of "
                + "game day dark-day has run (region-blackout); name one with ?experiment= to run it again");
        assertRefused(api.post("/api/v1/gamedays/dark-day/runs?experiment=replication-lag", null, ""), 400,
                "experiment: 'replication-lag' is not an experiment of game day dark-day; it has region-blackout");
        assertThat(api.get("/api/v1/gamedays/dark-day").json().path("runs").findValuesAsText("runId"))
                .containsExactly(run);

        assertThat(api.delete("/api/v1/gamedays/dark-day").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/gamedays/dark-day").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/runs/" + run + "/steps").json().path("gameDay").asText())
                .as("the rehearsal is the record of what happened").isEqualTo("dark-day");
        assertRefused(api.post("/api/v1/gamedays/dark-day/runs", null, ""), 404, "no game day named 'dark-day'");
    }

    @Test
    void aRunNotStartedByAGameDayHasNoSteps() {
        ApiClient.Reply started = api.post("/api/v1/runs?experiment=region-blackout", null, "");
        String run = started.json().path("id").asText();

        assertRefused(api.get("/api/v1/runs/" + run + "/steps"), 404, "run " + run + " of region-blackout was not "
                + "started by a game day, so it has no runbook steps; start runs with POST "
                + "/api/v1/gamedays/{name}/runs");
        assertRefused(api.get("/api/v1/runs/nope/steps"), 404, "no run with id 'nope'");
    }

    private static ApiClient.Reply gameDay(String name, String runbook, String experiment, String user, String role) {
        return api.post("/api/v1/gamedays", "application/json", """
                {"name": "%s", "runbook": "%s", "experiments": ["%s"], "participants": [{"user": "%s", "role": "%s"}]}
                """.formatted(name, runbook, experiment, user, role));
    }

    private static void assertRefused(ApiClient.Reply r, int status, String error) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().path("error").asText()).isEqualTo(error);
    }

    private static final String RUNBOOK = """
            ---
            id: my-runbook
            title: My runbook
            owner: the test
            version: "1"
            experiments: [region-blackout]
            steps:
              - id: detect
                title: Notice
                role: on-call
                expected: 2m
                instructions: Look.
            ---
            """;
}
