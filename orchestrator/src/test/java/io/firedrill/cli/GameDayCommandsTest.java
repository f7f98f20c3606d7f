package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firedrill.cli.FiredrillCliTest.Result;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code firedrill gameday} and {@code firedrill step} against a real orchestrator, as people type them. No agent is
 * connected, so a game day's run ends in preflight and its steps are refused as no longer in flight; the steps of a
 * run in flight are exercised by {@code RunbookStepsApiTest} and {@code RehearsalIT}.
 */
class GameDayCommandsTest {
    @TempDir
    static Path dataDir;
    private static OrchestratorServer server;
    private static String[] access;
    private static String aliceToken;

    @BeforeAll
    static void anOrchestratorWithAStoredExperimentAndPeople() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dataDir).withPort(0));
        access = new String[] {"--server", server.baseUrl(), "--token-file", server.adminTokenFile().toString()};
        assertThat(post("/api/v1/experiments", "application/yaml",
                Source.classpath("catalog/region-blackout.yaml").text())).contains("region-blackout");
        aliceToken = post("/api/v1/users", "application/json", "{\"name\": \"alice\", \"role\": \"viewer\"}")
                .replaceAll(".*\"token\":\"(fdt_[^\"]+)\".*", "$1");
        post("/api/v1/users", "application/json", "{\"name\": \"bob\", \"role\": \"viewer\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gameday", "step"})
    void eachCommandHasHelpWithExamples(String command) {
        Result r = FiredrillCliTest.run(command, "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: firedrill " + command).contains("Examples:");
    }

    @Test
    void aGameDayIsCreatedListedRunAndItsStepsListedAndRefusedOnceTheRunIsOver() {
        Result created = cli("gameday", "create", "q4-drill", "--runbook", "regional-failover", "--experiment",
                "region-blackout", "--participant", "admin=facilitator", "--participant", "alice=on-call",
                "--participant", "bob=observer");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("game day q4-drill created: runbook regional-failover 1.0, experiments "
                + "region-blackout; admin=facilitator,alice=on-call,bob=observer\n  no participant has role approver: "
                + "only a facilitator can act on those steps\n");

        Result started = cli("gameday", "run", "q4-drill");
        assertThat(started.exit()).as(started.err()).isZero();
        String run = started.out().strip();
        assertThat(run).matches("r-[a-z0-9]+-\\d+");
        assertThat(started.err()).contains("run " + run + " of region-blackout started for game day q4-drill: 9 steps");
        Result list = cli("gameday", "list");
        assertThat(list.out()).startsWith("NAME").containsPattern("q4-drill +regional-failover +region-blackout +"
                + "admin=facilitator,alice=on-call,bob=observer +1 +" + run + " region-blackout");

        await("the run ends in preflight: no agent is connected").atMost(Duration.ofSeconds(30))
                .until(() -> cli("step", "list", run).out().contains("(ABORTED)"));
        Result steps = cli("step", "list", run);
        assertThat(steps.exit()).isZero();
        assertThat(steps.out().lines().toList()).hasSize(11);
        assertThat(steps.out()).startsWith("run " + run + " (ABORTED) of region-blackout, game day q4-drill, runbook "
                + "regional-failover 1.0").containsPattern("5 +trigger-failover +on-call +pending +- +- +- +2m +- +"
                + "POST router");

        Result late = cli("step", "start", run, "detect", "--token", aliceToken);
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.err()).isEqualTo("firedrill step start: run " + run + " is not in flight (state ABORTED); step "
                + "detect can be started only while the run is in flight\n");
        Result noNote = cli("step", "skip", run, "detect");
        assertThat(noNote.exit()).isEqualTo(2);
        assertThat(noNote.err()).startsWith("firedrill step skip: --note: skipping step detect needs a note saying why");
        assertThat(cli("gameday", "delete", "q4-drill").out()).isEqualTo("game day q4-drill deleted\n");
    }

    @Test
    void badParticipantsAndEvidenceNameTheOptionAndExitTwo() {
        Result malformed = cli("gameday", "create", "g", "--runbook", "regional-failover", "--experiment",
                "region-blackout", "--participant", "alice");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).isEqualTo("firedrill gameday create: --participant 'alice': expected USER=ROLE, "
                + "e.g. alice=on-call\n");
        Result unknown = cli("gameday", "create", "g", "--runbook", "regional-failover", "--experiment",
                "region-blackout", "--participant", "zoe=on-call");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("firedrill gameday create: --participant[0].user: no user named 'zoe'; "
                + "create them first (POST /api/v1/users)\n");
        Result evidence = cli("step", "complete", "r-1", "detect", "--evidence", "https://x");
        assertThat(evidence.exit()).isEqualTo(2);
        assertThat(evidence.err()).startsWith("firedrill step complete: --evidence 'https://x': expected KIND=VALUE");
        Result noRun = cli("step", "list", "r-nope");
        assertThat(noRun.exit()).isEqualTo(1);
        assertThat(noRun.err()).isEqualTo("firedrill step list: no run with id 'r-nope'\n");
    }

    private static Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(access));
        return FiredrillCliTest.run(all.toArray(String[]::new));
    }

    private static String post(String path, String type, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + Files.readString(server.adminTokenFile()).strip())
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }
}
