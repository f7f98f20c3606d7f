package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.testing.DistProcesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Game-day runs end to end between real processes: an orchestrator, the H2 reference estate ({@code firedrill estate
 * up}) and an agent per region carrying its links. Runs go through {@code POST /api/v1/runs} and are judged from
 * what really happened to the estate's traffic. Ordered: the processes are shared, and the last test takes an agent
 * away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunsIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RUN = Duration.ofSeconds(120);
    private static EstateRig rig;
    private static ApiClient api;
    private static String frontDoor;
    private static DistProcesses.Started usEast;

    @BeforeAll
    static void startEverything() throws Exception {
        rig = EstateRig.start("runs-it");
        api = rig.api;
        frontDoor = rig.frontDoor;
        usEast = rig.agents.get("us-east");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    /** A known outage: links down for exactly 2 s and no failover, so RTO must come out at 2 s within its bound. */
    @Test
    @Order(1)
    void aTwoSecondOutageWithoutFailoverMeasuresAnRtoOfTwoSecondsWithinItsBound() throws Exception {
        settings("{\"policy\": \"manual\"}");
        JsonNode run = runToEnd(experiment("calibration", """
                method:
                  - {name: blackout, fault: region-blackout, target: {region: eu-west}, after: 1s, duration: 2s}
                objectives: {rto: 10s, rpo: 5s}
                """));

        assertThat(run.path("run").path("state").asText()).as(run.toString()).isEqualTo("DONE");
        JsonNode rto = RunViews.verdict(run, "rto");
        double measured = rto.path("measured").path("valueNanos").asDouble() / 1e9;
        double bound = rto.path("measured").path("boundNanos").asDouble() / 1e9;
        assertThat(measured).as(rto.toString()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(bound + 0.15));
        assertThat(bound).as("probe interval (100 ms) + clock bound").isLessThan(0.2);
        assertThat(rto.path("verdict").asText()).isEqualTo("PASS");
        settings("{\"policy\": \"automatic\"}");
    }

    @Test
    @Order(2)
    void aBlackoutOfThePrimaryFailsOverWithinTheObjectivesAndEveryArtefactIsServed() throws Exception {
        String started = start(experiment("blackout", """
                method:
                  - {name: blackout, fault: region-blackout, target: {region: eu-west}, after: 1s, duration: 3s}
                objectives: {rto: 10s, rpo: 5s}
                """));
        List<LiveEvents.Event> live = LiveEvents.read(api, "/api/v1/runs/" + started + "/live", 0, RUN);
        JsonNode run = RunViews.awaitEnd(api, started, RUN);

        assertThat(run.path("run").path("state").asText()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.path("run").path("verdict").asText()).as(run.path("result").toString()).isEqualTo("PASS");
        List<String> states = new ArrayList<>();
        run.path("transitions").forEach(t -> {
            if (states.isEmpty() || !states.get(states.size() - 1).equals(t.path("state").asText())) {
                states.add(t.path("state").asText());
            }
        });
        assertThat(states).containsExactly("PREFLIGHT", "STEADY_BEFORE", "INJECT", "OBSERVE", "RECOVER", "VERIFY",
                "DONE");
        String id = run.path("run").path("id").asText();
        JsonNode timeline = api.get("/api/v1/runs/" + id + "/artifacts/timeline.json").json();
        List<String> observed = new ArrayList<>();
        timeline.path("marks").forEach(mark -> {
            if (mark.path("observed").asBoolean()) {
                observed.add(mark.path("id").asText());
            }
        });
        assertThat(observed).contains("T0", "T1", "T2", "T3", "T4", "T6");
        String history = api.get("/api/v1/runs/" + id + "/artifacts/history.jsonl").text();
        assertThat(history.lines().filter(l -> l.contains("\"nemesis\"")).count()).as("inject and revert").isEqualTo(2);
        assertThat(history.lines().filter(l -> l.contains("\"ok\"")).count()).isGreaterThan(50);
        assertTheLiveStreamToldTheSameStory(live, run, history);
        assertThat(api.get("/api/v1/runs/" + id + "/artifacts/nope.json").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/runs/" + id + "/artifacts/..%2Fresult.json").status()).isIn(400, 404);
        failBack();
    }

    @Test
    @Order(3)
    void writesAcknowledgedWhileReplicationLaggedAreLostAndTheRpoFails() throws Exception {
        JsonNode run = runToEnd(experiment("lag", """
                method:
                  - {name: lag, fault: replication-lag, target: {links: [eu-west->us-east/replication], latency: 3s}, after: 500ms, duration: 6s}
                  - {name: blackout, fault: region-blackout, target: {region: eu-west}, after: 3s, duration: 3s}
                objectives: {rto: 10s, rpo: 200ms}
                """));

        assertThat(run.path("run").path("state").asText()).as(run.toString()).isEqualTo("DONE");
        JsonNode rpo = RunViews.verdict(run, "rpo");
        assertThat(rpo.path("verdict").asText()).as(rpo.toString()).isEqualTo("FAIL");
        assertThat(rpo.path("measured").path("valueNanos").asLong()).isGreaterThan(200_000_000L);
        assertThat(run.path("run").path("verdict").asText()).isEqualTo("FAIL");
        failBack();
    }

    /**
     * The router loses sight of eu-west (its health link resets every connection) while the regions lose each
     * other; users still reach eu-west, and their cached DNS answers keep some of them there after the failover.
     * With fencing off eu-west keeps acknowledging: both regions accept writes at once, and the run says so.
     */
    @Test
    @Order(4)
    void withFencingOffAPartitionSplitsTheBrainAndTheRunReportsIt() throws Exception {
        settings("{\"fencing\": \"off\", \"dnsTtl\": \"3s\"}");
        JsonNode run;
        try {
            run = runToEnd(experiment("split-brain", """
                    method:
                      - {name: regions-apart, fault: link-partition, target: {between: [eu-west], and: [us-east]}, after: 1s, duration: 6s}
                      - {name: router-blind, fault: reset-peer, target: {link: router->eu-west/health}, after: 1s, duration: 6s}
                    objectives: {rto: 10s, rpo: 5s}
                    """));
        } finally {
            settings("{\"fencing\": \"on\", \"dnsTtl\": \"0s\"}");
        }

        assertThat(run.path("run").path("state").asText()).as(run.toString()).isEqualTo("DONE");
        JsonNode integrity = RunViews.verdict(run, "integrity");
        assertThat(integrity.path("verdict").asText()).as(integrity.toString()).isEqualTo("FAIL");
        assertThat(run.path("result").path("splitBrain").toString()).contains("eu-west").contains("us-east");
        failBack();
    }

    /** A stop condition watching the region the fault darkens: it fires, the run aborts, the fault is reverted. */
    @Test
    @Order(5)
    void aStopConditionAbortsTheRunAndRevertsItsFaultWithTheCauseOnTheRun() throws Exception {
        settings("{\"policy\": \"manual\"}");
        JsonNode run = runToEnd(experiment("stopped", """
                method:
                  - {name: blackout, fault: region-blackout, target: {region: eu-west}, after: 1s, duration: 60s}
                objectives: {rto: 10s, rpo: 5s}
                stopConditions:
                  - {name: users-failing, probe: front-door, metric: errorRate, above: 20%, for: 1s}
                """));

        assertThat(run.path("run").path("state").asText()).isEqualTo("ABORTED");
        assertThat(run.path("run").path("cause").asText()).startsWith("stop condition users-failing: probe front-door "
                + "failed").contains("above 20%");
        String id = run.path("run").path("id").asText();
        String history = api.get("/api/v1/runs/" + id + "/artifacts/history.jsonl").text();
        assertThat(history.lines().filter(l -> l.contains("\"f\":\"revert\"")).count()).isEqualTo(1);
        await("users served again, long before the blackout's 60 s").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100)).until(() -> rig.status("/records?limit=1") == 200);
        settings("{\"policy\": \"automatic\"}");
    }

    @Test
    @Order(6)
    void aRunWhoseOrchestratorIsKilledIsAbortedOnRestartWithEverythingRecordedBeforeTheCrash() throws Exception {
        settings("{\"policy\": \"manual\"}");
        String id = start(experiment("crash", """
                method:
                  - {name: blackout, fault: region-blackout, target: {region: eu-west}, after: 1s, duration: 120s}
                objectives: {rto: 10s, rpo: 5s}
                """));
        await("the blackout is in effect").atMost(RUN).pollInterval(Duration.ofMillis(100))
                .until(() -> "OBSERVE".equals(api.get("/api/v1/runs/" + id).json().path("run").path("state").asText()));
        assertThat(rig.status("/records?limit=1")).as("eu-west is dark and nobody fails over").isNotEqualTo(200);

        rig.orchestrator.signal("KILL");
        await("the agents revert the blackout within its lease (10 s) + 1 s and users are served again")
                .atMost(Duration.ofSeconds(11)).pollInterval(Duration.ofMillis(100))
                .until(() -> rig.status("/records?limit=1") == 200);
        rig.restartOrchestrator();

        JsonNode run = api.get("/api/v1/runs/" + id).json();
        assertThat(run.path("run").path("state").asText()).isEqualTo("ABORTED");
        // The state it names is the last one the database kept: on the embedded H2 the commits of the last moments
        // before a kill -9 may be lost (H2CrashIT; PostgreSQL keeps every commit), and the kill may come within them.
        assertThat(run.path("run").path("cause").asText()).startsWith("the orchestrator executing it (")
                .contains("died (its process is gone")
                .containsPattern("during (STEADY_BEFORE|INJECT|OBSERVE);");
        List<String> states = new ArrayList<>();
        run.path("transitions").forEach(t -> states.add(t.path("state").asText()));
        assertThat(states).startsWith("PREFLIGHT", "STEADY_BEFORE").endsWith("ABORTED");
        // The history goes to its file as the run goes (flushed four times a second), which a kill -9 does not undo.
        String history = api.get("/api/v1/runs/" + id + "/artifacts/history.jsonl").text();
        assertThat(history.lines().filter(l -> l.contains("\"f\":\"inject\"")).count())
                .as("the inject written before the crash").isEqualTo(1);
        assertThat(history.lines().filter(l -> l.contains("\"type\":\"ok\"")).count()).isGreaterThan(10);
        for (String region : List.of("eu-west", "us-east")) {
            await(region + " back").atMost(START).pollInterval(Duration.ofMillis(200))
                    .until(() -> "ONLINE".equals(api.get("/api/v1/agents/" + region).json().path("status").asText()));
        }
        settings("{\"policy\": \"automatic\"}");
    }

    @Test
    @Order(7)
    void aRunWhoseAgentIsOfflineIsRefusedInPreflightAndInjectsNothing() throws Exception {
        int faultsBefore = api.get("/api/v1/faults").json().size();
        usEast.process().destroyForcibly();
        await("us-east offline").atMost(START).pollInterval(Duration.ofMillis(100))
                .until(() -> !"ONLINE".equals(api.get("/api/v1/agents/us-east").json().path("status").asText()));

        JsonNode run = runToEnd(experiment("offline", """
                method:
                  - {name: blackout, fault: region-blackout, target: {region: eu-west}, after: 1s, duration: 1s}
                objectives: {rto: 10s, rpo: 5s}
                """));

        assertThat(run.path("run").path("state").asText()).isEqualTo("ABORTED");
        assertThat(run.path("run").path("cause").asText()).contains("us-east").contains("not connected")
                .contains("nothing was injected");
        assertThat(api.get("/api/v1/faults").json().size()).isEqualTo(faultsBefore);
    }

    /** An experiment on the registered estate: front-door probe every 100 ms, 40 writes/s. */
    private static String experiment(String name, String methodAndObjectives) {
        return """
                apiVersion: firedrill/v1
                kind: Experiment
                name: %s
                title: %s
                estate: reference
                steadyState:
                  - {name: front-door, type: http, region: us-east, target: router, path: "/records?limit=1", interval: 100ms, timeout: 90ms, tolerance: {successRatio: 0.9}}
                workload: {rate: 40, concurrency: 2, keyPrefix: %s}
                %s""".formatted(name, name, name, methodAndObjectives);
    }

    /**
     * What the browser saw live matches what the artefacts say afterwards: every transition in order, the probe
     * samples, one ops bucket per second whose counts add up to the history's completions, the fault's inject and
     * revert, the result, then the end. A watcher who reconnects after the end gets the end alone.
     */
    private static void assertTheLiveStreamToldTheSameStory(List<LiveEvents.Event> live, JsonNode run, String history)
            throws Exception {
        assertThat(live).isNotEmpty();
        assertThat(live.get(live.size() - 1).name()).isEqualTo("end");
        assertThat(live.get(live.size() - 1).data().path("state").asText()).isEqualTo("DONE");
        assertThat(live.stream().map(LiveEvents.Event::id).toList()).as("ids count up from 1")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, live.size()).boxed().toList());
        List<String> states = live.stream().filter(e -> e.name().equals("state"))
                .map(e -> e.data().path("state").asText()).toList();
        List<String> recorded = new ArrayList<>();
        run.path("transitions").forEach(t -> recorded.add(t.path("state").asText()));
        assertThat(states).isEqualTo(recorded);
        assertThat(live.stream().filter(e -> e.name().equals("probe"))).hasSizeGreaterThan(10)
                .allSatisfy(e -> assertThat(e.data().has("latencyMicros")).isTrue());
        List<LiveEvents.Event> ops = live.stream().filter(e -> e.name().equals("ops")).toList();
        assertThat(ops.stream().map(e -> e.data().path("second").asLong()).toList()).as("one bucket per second")
                .isEqualTo(java.util.stream.LongStream.range(ops.get(0).data().path("second").asLong(),
                        ops.get(0).data().path("second").asLong() + ops.size()).boxed().toList());
        long okLive = ops.stream().mapToLong(e -> e.data().path("ok").asLong()).sum();
        long okHistory = history.lines().filter(l -> l.contains("\"type\":\"ok\"")).count();
        assertThat(okLive).isEqualTo(okHistory);
        assertThat(live.stream().filter(e -> e.name().equals("fault")).map(e -> e.data().path("action").asText()
                + " " + e.data().path("fault").asText())).containsExactly("inject blackout", "revert blackout");
        assertThat(live.stream().filter(e -> e.name().equals("result")).map(e -> e.data().path("overall").asText()))
                .containsExactly(run.path("run").path("verdict").asText());
        String id = run.path("run").path("id").asText();
        assertThat(LiveEvents.read(api, "/api/v1/runs/" + id + "/live", 3, Duration.ofSeconds(10)))
                .extracting(LiveEvents.Event::name).containsExactly("end");
    }

    private static String start(String yaml) {
        ApiClient.Reply started = api.post("/api/v1/runs", "application/yaml", yaml);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return started.json().path("id").asText();
    }

    private static JsonNode runToEnd(String yaml) {
        return RunViews.awaitEnd(api, start(yaml), RUN);
    }

    private static void settings(String json) throws Exception {
        rig.routerSettings(json);
    }

    private static void failBack() {
        rig.failBack();
    }

}
