package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.model.load.Source;
import io.firedrill.testing.DistProcesses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Human time in the RTO, end to end between real processes (an orchestrator, the H2 reference estate, an agent per
 * region): with the router's {@code manual} policy, the failover happens when the on-call completes the runbook's
 * {@code trigger-failover} step, and not before, so the measured RTO holds the people's time. The catalog's
 * region-blackout experiment runs through a game day that rehearses the regional-failover runbook.
 */
class RehearsalIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RUN = Duration.ofSeconds(90);
    /** How long the on-call "thinks" once the blackout is in effect: the human part of the RTO. */
    private static final Duration HUMAN_DELAY = Duration.ofSeconds(4);
    private static EstateRig rig;
    private static ApiClient api;
    private static String frontDoor;
    private static String base;

    @BeforeAll
    static void startEverything() throws Exception {
        rig = EstateRig.start("rehearsal-it");
        api = rig.api;
        frontDoor = rig.frontDoor;
        base = api.base();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void withTheManualPolicyTheOnCallsStepIsTheFailoverAndTheMeasuredRtoHoldsTheHumanDelay() throws Exception {
        assertThat(routerPost("/router/settings", "{\"policy\": \"manual\"}")).isEqualTo(200);
        try {
            rehearse();
        } finally {
            assertThat(routerPost("/router/settings", "{\"policy\": \"automatic\"}")).isEqualTo(200);
        }
    }

    private void rehearse() throws Exception {
        ApiClient alice = api.as(api.userToken("alice", "viewer"));
        ApiClient bob = api.as(api.userToken("bob", "viewer"));
        ApiClient dave = api.as(api.userToken("dave", "operator"));
        String experiment = Source.classpath("catalog/region-blackout.yaml").text()
                .replace("estate: reference-estate.yaml", "estate: reference")
                .replace("through: http://127.0.0.1:18080", "through: " + frontDoor)
                .replace("duration: 6s", "duration: 12s"); // the people, not the end of the blackout, bring users back
        expect(api.post("/api/v1/experiments", "application/yaml", experiment), 201);
        expect(api.post("/api/v1/gamedays", "application/json", """
                {"name": "q4-drill", "runbook": "regional-failover", "experiments": ["region-blackout"],
                 "participants": [{"user": "admin", "role": "facilitator"}, {"user": "alice", "role": "on-call"},
                                  {"user": "bob", "role": "observer"}]}"""), 201);
        long eventsBefore = Json.mapper().readTree(routerGet("/router/events?after=0")).path("lastSeq").asLong();

        String run = expect(api.post("/api/v1/gamedays/q4-drill/runs", null, ""), 202).path("id").asText();
        await("the blackout is in effect").atMost(RUN).pollInterval(Duration.ofMillis(50)).until(() ->
                "OBSERVE".equals(api.get("/api/v1/runs/" + run).json().path("run").path("state").asText()));
        act(alice, run, "detect", "start", 200);
        assertThat(act(bob, run, "detect", "complete", 403).path("error").asText())
                .isEqualTo("step detect needs role on-call; bob is observer in game day q4-drill");
        assertThat(act(dave, run, "detect", "complete", 403).path("error").asText())
                .isEqualTo("step detect needs role on-call; dave is not a participant of game day q4-drill");
        assertThat(act(alice, run, "confirm-primary-down", "start", 409).path("error").asText()).isEqualTo("step "
                + "declare-incident is not completed yet; complete or skip it first, then start confirm-primary-down");

        Thread.sleep(HUMAN_DELAY.toMillis()); // people reading dashboards: nothing may fail over meanwhile
        assertThat(failoversSince(eventsBefore)).as("no failover before the on-call acts").isEmpty();
        act(alice, run, "detect", "complete", 200);
        act(api, run, "declare-incident", "start", 200);
        act(api, run, "declare-incident", "complete", 200);
        act(alice, run, "confirm-primary-down", "start", 200);
        act(alice, run, "confirm-primary-down", "complete", 200);
        assertThat(act(alice, run, "trigger-failover", "start", 409).path("error").asText()).isEqualTo("step "
                + "decide-failover is not completed yet; complete or skip it first, then start trigger-failover");
        act(api, run, "decide-failover", "start", 200);
        act(api, run, "decide-failover", "complete", 200);
        act(alice, run, "trigger-failover", "start", 200);
        JsonNode failover = act(alice, run, "trigger-failover", "complete", 200);
        JsonNode end = RunViews.awaitEnd(api, run, RUN);

        assertThat(end.path("run").path("state").asText()).as(end.toString()).isEqualTo("DONE");
        Instant completed = Instant.parse(failover.path("completed").path("at").asText());
        List<JsonNode> decided = failoversSince(eventsBefore);
        assertThat(decided).as("one failover, by the runbook's action").singleElement()
                .satisfies(e -> assertThat(e.path("actor").asText()).isEqualTo("regional-failover runbook"));
        Instant decidedAt = Instant.parse(decided.get(0).path("time").asText());
        assertThat(decidedAt).as("the router failed over once the step was completed")
                .isAfterOrEqualTo(completed.minusMillis(5))
                .isBeforeOrEqualTo(Instant.parse(failover.path("action").path("outcome").path("at").asText()));
        JsonNode rto = RunViews.verdict(end, "rto");
        double measured = rto.path("measured").path("valueNanos").asLong() / 1e9;
        System.out.printf("RehearsalIT: measured RTO %s (%.3f s) against a human delay of %d s%n",
                rto.path("measured").path("text").asText(), measured, HUMAN_DELAY.toSeconds());
        assertThat(measured).as(rto.toString()).isGreaterThanOrEqualTo(HUMAN_DELAY.toNanos() / 1e9);
        assertThat(rto.path("verdict").asText()).isEqualTo("PASS");
        assertTheStepsCarryWhoWhenAndTime(run, failover);
        DistProcesses.Started list = rig.dist.start("step-list", "step", "list", run, "--server", base, "--token",
                alice.bearerToken());
        assertThat(list.awaitExit(START)).as(list.output()).isZero();
        assertThat(list.output()).containsPattern("5 +trigger-failover +on-call +completed +alice");
        assertThat(routerPost("/failback", "{}")).isEqualTo(200);
    }

    private static void assertTheStepsCarryWhoWhenAndTime(String run, JsonNode failover) {
        JsonNode steps = api.get("/api/v1/runs/" + run + "/steps").json();
        assertThat(steps.path("steps").findValuesAsText("state").subList(0, 5)).containsOnly("completed");
        JsonNode detect = steps.path("steps").get(0);
        assertThat(detect.path("completed").path("by").asText()).isEqualTo("alice");
        assertThat(detect.path("completed").path("role").asText()).isEqualTo("on-call");
        assertThat(detect.path("elapsedSeconds").asDouble()).isGreaterThanOrEqualTo(HUMAN_DELAY.toSeconds());
        assertThat(detect.path("timing").asText()).as("2m expected").isEqualTo("under");
        JsonNode decide = steps.path("steps").get(3);
        assertThat(decide.path("completed").path("by").asText()).isEqualTo("admin");
        assertThat(decide.path("completed").path("role").asText()).as("standing in for the approver")
                .isEqualTo("facilitator");
        assertThat(failover.path("action").path("outcome").path("status").asInt()).isEqualTo(200);
        assertThat(failover.path("completed").path("runSeconds").asDouble())
                .isGreaterThan(detect.path("started").path("runSeconds").asDouble() + HUMAN_DELAY.toSeconds());
        List<String> notes = new ArrayList<>();
        api.get("/api/v1/runs/" + run).json().path("transitions").forEach(t -> notes.add(t.path("detail").asText()));
        assertThat(notes).anyMatch(n -> n.startsWith("runbook step 5/9 trigger-failover completed by alice (on-call)"))
                .anyMatch(n -> n.startsWith("runbook step 5/9 trigger-failover action done in "));
    }

    private static JsonNode act(ApiClient who, String run, String step, String act, int status) {
        return expect(who.post("/api/v1/runs/" + run + "/steps/" + step + "/" + act, null, ""), status);
    }

    private static JsonNode expect(ApiClient.Reply r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        return r.json();
    }

    private static List<JsonNode> failoversSince(long seq) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        Json.mapper().readTree(routerGet("/router/events?after=" + seq)).path("events").forEach(e -> {
            if (e.path("type").asText().equals("failover-decided")) {
                found.add(e);
            }
        });
        return found;
    }

    private static String routerGet(String path) throws Exception {
        return rig.get(path);
    }

    private static int routerPost(String path, String json) throws Exception {
        return rig.post(path, json).statusCode();
    }
}
