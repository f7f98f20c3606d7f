package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static io.firedrill.orchestrator.api.FarFaultDrill.created;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * People act on the runbook steps of a game-day run in flight: a real orchestrator, a real agent in the same process,
 * and a small HTTP server standing in for the estate's router (it answers probes and records the actions). The
 * experiment's only fault comes after ten minutes, so the run stays in flight until the last test aborts it.
 * Ordered: the tests walk through one rehearsal.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunbookStepsApiTest extends RunningServer {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> ACTIONS = new CopyOnWriteArrayList<>();
    private static HttpServer router;
    private static FarFaultDrill drill;
    private static String run;
    private static ApiClient alice;
    private static ApiClient bob;
    private static ApiClient carol;
    private static ApiClient dave;

    @BeforeAll
    static void aGameDayRunInFlight() throws Exception {
        router = fakeRouter();
        drill = FarFaultDrill.start("drill", router, api, server, dataDir);
        created(api.post("/api/v1/runbooks", "text/markdown", RUNBOOK));
        alice = api.as(api.userToken("alice", "viewer"));
        bob = api.as(api.userToken("bob", "viewer"));
        carol = api.as(api.userToken("carol", "approver"));
        dave = api.as(api.userToken("dave", "operator"));
        created(api.post("/api/v1/gamedays", "application/json", """
                {"name": "drill-day", "runbook": "drill-runbook", "experiments": ["drill-latency"],
                 "participants": [{"user": "admin", "role": "facilitator"}, {"user": "alice", "role": "on-call"},
                                  {"user": "bob", "role": "observer"}, {"user": "carol", "role": "approver"}]}
                """));
        ApiClient.Reply started = api.post("/api/v1/gamedays/drill-day/runs", null, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        run = started.json().path("id").asText();
        assertThat(started.json().path("steps").asInt()).isEqualTo(4);
    }

    @AfterAll
    static void stopTheAgentAndTheRouter() throws Exception {
        if (drill != null) {
            drill.close();
        }
    }

    @Test
    @Order(1)
    void theRunsStepsAreTheRunbooksAllPendingWithTheirActionsAimedAtItsEstate() {
        JsonNode steps = steps();

        assertThat(steps.path("gameDay").asText()).isEqualTo("drill-day");
        assertThat(steps.path("runbook").asText()).isEqualTo("drill-runbook");
        assertThat(steps.path("runbookVersion").asText()).isEqualTo("2");
        assertThat(steps.path("inFlight").asBoolean()).isTrue();
        assertThat(steps.path("steps").findValuesAsText("state")).containsExactly("pending", "pending", "pending",
                "pending");
        JsonNode failOver = steps.path("steps").get(2);
        assertThat(failOver.path("role").asText()).isEqualTo("on-call");
        assertThat(failOver.path("expected").asText()).isEqualTo("2m");
        assertThat(failOver.path("action").path("url").asText())
                .isEqualTo("http://127.0.0.1:" + router.getAddress().getPort() + "/failover");
    }

    @Test
    @Order(2)
    void onlyAParticipantInTheStepsRoleMayActOnItAndARefusalRecordsNothing() {
        assertRefused(bob.post(path("detect", "start"), null, ""), 403,
                "step detect needs role on-call; bob is observer in game day drill-day");
        assertRefused(dave.post(path("detect", "start"), null, ""), 403,
                "step detect needs role on-call; dave is not a participant of game day drill-day");
        assertRefused(alice.post(path("nope", "start"), null, ""), 404,
                "runbook drill-runbook has no step 'nope'; its steps are detect, decide, fail-over, verify");

        assertThat(steps().path("steps").findValuesAsText("state")).containsOnly("pending");
        assertThat(timeline()).noneMatch(d -> d.contains("runbook step"));
    }

    @Test
    @Order(3)
    void stepsGoInOrderAreCompletedAfterTheyStartAndHappenOnce() {
        assertRefused(alice.post(path("detect", "complete"), null, ""), 409,
                "step detect is not started yet; start it first, then complete it");
        assertRefused(carol.post(path("decide", "start"), null, ""), 409,
                "step detect is not completed yet; complete or skip it first, then start decide");

        JsonNode started = ok(alice.post(path("detect", "start"), null, ""));
        assertThat(started.path("state").asText()).isEqualTo("started");
        assertThat(started.path("started").path("by").asText()).isEqualTo("alice");
        assertThat(started.path("started").path("role").asText()).isEqualTo("on-call");
        assertThat(started.path("started").path("runSeconds").asDouble()).isPositive();
        ApiClient.Reply twice = alice.post(path("detect", "start"), null, "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("error").asText()).startsWith("step detect was started already by alice at ")
                .endsWith("; a step cannot be started twice");

        JsonNode completed = ok(alice.post(path("detect", "complete"), "application/json", """
                {"note": "users get 502", "evidence": [{"kind": "link", "value": "https://chat.example/inc-42"}]}"""));
        assertThat(completed.path("state").asText()).isEqualTo("completed");
        assertThat(completed.path("completed").path("note").asText()).isEqualTo("users get 502");
        assertThat(completed.path("completed").path("evidence").get(0).path("value").asText())
                .isEqualTo("https://chat.example/inc-42");
        assertThat(completed.path("elapsedSeconds").asDouble()).isGreaterThanOrEqualTo(0)
                .isEqualTo(completed.path("completed").path("runSeconds").asDouble()
                        - completed.path("started").path("runSeconds").asDouble(),
                        org.assertj.core.data.Offset.offset(0.002));
        assertThat(completed.path("timing").asText()).isEqualTo("under");
    }

    @Test
    @Order(4)
    void aStepThatTakesLongerThanTheRunbookExpectsIsOverAndASkipNeedsANote() throws Exception {
        ok(carol.post(path("decide", "start"), null, ""));
        Thread.sleep(1_100); // the runbook expects 1s

        JsonNode decided = ok(carol.post(path("decide", "complete"), null, ""));
        assertThat(decided.path("timing").asText()).isEqualTo("over");
        assertThat(decided.path("deltaSeconds").asDouble()).isPositive();
        assertRefused(api.post(path("fail-over", "skip"), null, ""), 400,
                "note: skipping step fail-over needs a note saying why, e.g. {\"note\": \"the router failed over on "
                        + "its own\"}");
        assertRefused(alice.post(path("fail-over", "start"), "application/json",
                "{\"evidence\": [{\"kind\": \"photo\", \"value\": \"x\"}]}"), 400,
                "evidence[0].kind: unknown kind of evidence 'photo'; expected one of note, link, screenshot, log, "
                        + "command-output");
    }

    @Test
    @Order(5)
    void completingAStepPerformsItsHttpActionAgainstTheRunsEstate() {
        ok(alice.post(path("fail-over", "start"), null, ""));

        JsonNode done = ok(alice.post(path("fail-over", "complete"), null, ""));

        assertThat(ACTIONS).containsExactly("POST /failover run=" + run + " {\"to\": \"us-east\"}");
        JsonNode outcome = done.path("action").path("outcome");
        assertThat(outcome.path("ok").asBoolean()).isTrue();
        assertThat(outcome.path("status").asInt()).isEqualTo(200);
        assertThat(outcome.path("detail").asText()).endsWith("/failover answered 200: {\"active\":\"us-east\"}");
        assertThat(outcome.path("runSeconds").asDouble())
                .isGreaterThanOrEqualTo(done.path("completed").path("runSeconds").asDouble());
    }

    @Test
    @Order(6)
    void aFailedActionLeavesTheStepCompletedAndAnswers502WithTheStep() {
        ok(bob.post(path("verify", "start"), null, ""));

        ApiClient.Reply r = bob.post(path("verify", "complete"), null, "");

        assertThat(r.status()).as(r.text()).isEqualTo(502);
        assertThat(r.json().path("error").asText()).startsWith("step verify is completed by bob, but its action "
                + "failed: POST http://127.0.0.1:").endsWith("/broken answered 500: {\"error\":\"promotion failed\"}");
        assertThat(r.json().path("step").path("state").asText()).isEqualTo("completed");
        assertThat(r.json().path("step").path("action").path("outcome").path("ok").asBoolean()).isFalse();
        JsonNode verify = steps().path("steps").get(3);
        assertThat(verify.path("state").asText()).isEqualTo("completed");
        assertThat(verify.path("action").path("outcome").path("status").asInt()).isEqualTo(500);
    }

    @Test
    @Order(7)
    void everyStepEventIsOnTheRunsTimelineAndLiveStreamAndNothingChangesOnceTheRunEnds() throws Exception {
        CompletableFuture<List<LiveEvents.Event>> live = CompletableFuture.supplyAsync(() -> {
            try {
                return LiveEvents.read(api, "/api/v1/runs/" + run + "/live", 0, WAIT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("the live stream is open").pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(api.post("/api/v1/runs/" + run + "/abort?reason=rehearsed", null, "").status()).isEqualTo(202);
        await("the run ends").atMost(WAIT).until(() -> !steps().path("inFlight").asBoolean());

        List<String> notes = live.get(30, TimeUnit.SECONDS).stream().filter(e -> e.name().equals("state"))
                .map(e -> e.data().path("detail").asText()).filter(d -> d.contains("runbook")).toList();
        assertThat(notes).hasSize(11).first().asString().startsWith("game day drill-day: rehearsing runbook "
                + "drill-runbook version 2 (4 steps) with admin (facilitator), alice (on-call)");
        assertThat(notes.get(1)).isEqualTo("runbook step 1/4 detect started by alice (on-call)");
        assertThat(notes.get(2)).matches("runbook step 1/4 detect completed by alice \\(on-call\\) after \\d+\\.\\d\\d"
                + " s, expected 2m: under; note: users get 502; evidence: \\[link https://chat.example/inc-42]");
        assertThat(notes.get(7)).startsWith("runbook step 3/4 fail-over action done in ");
        assertThat(notes.get(10)).contains("runbook step 4/4 verify action FAILED");
        assertThat(timeline()).containsAll(notes);

        assertRefused(bob.post(path("verify", "skip"), "application/json", "{\"note\": \"late\"}"), 409, "run " + run
                + " is not in flight (state ABORTED); step verify can be skipped only while the run is in flight");
        assertThat(steps().path("summary").path("completed").asInt()).isEqualTo(4);
    }

    private static void assertRefused(ApiClient.Reply r, int status, String error) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().path("error").asText()).isEqualTo(error);
    }

    private static JsonNode ok(ApiClient.Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }


    private static JsonNode steps() {
        return ok(api.get("/api/v1/runs/" + run + "/steps"));
    }

    private static List<String> timeline() {
        return api.get("/api/v1/runs/" + run).json().path("transitions").findValuesAsText("detail");
    }

    private static String path(String step, String act) {
        return "/api/v1/runs/" + run + "/steps/" + step + "/" + act;
    }

    /** Answers probes with 200, the failover with the new active region, and {@code /broken} with a 500. */
    private static HttpServer fakeRouter() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 200;
            String answer = "{\"status\":\"ok\"}";
            if (path.equals("/failover")) {
                ACTIONS.add(exchange.getRequestMethod() + " " + path + " run="
                        + exchange.getRequestHeaders().getFirst("Firedrill-Run") + " " + body);
                answer = "{\"active\":\"us-east\"}";
            } else if (path.equals("/broken")) {
                status = 500;
                answer = "{\"error\":\"promotion failed\"}";
            } else if (path.equals("/router/status")) {
                answer = "{\"active\":\"eu-west\",\"epoch\":1}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        return http;
    }

    private static final String RUNBOOK = """
            ---
            id: drill-runbook
            title: Drill runbook
            owner: the test
            version: "2"
            experiments: [drill-latency]
            steps:
              - {id: detect, title: Notice, role: on-call, expected: 2m, instructions: Look., evidence: [note, link]}
              - {id: decide, title: Decide, role: approver, expected: 1s, instructions: Decide.}
              - id: fail-over
                title: Fail over
                role: on-call
                expected: 2m
                instructions: Call the router.
                action: {type: http, method: POST, target: router, path: /failover, body: '{"to": "us-east"}'}
              - id: verify
                title: Verify
                role: observer
                expected: 1m
                instructions: Check.
                action: {type: http, method: POST, target: frontDoor, path: /broken}
            ---

            # Drill
            """;
}
