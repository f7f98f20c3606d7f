package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.cli.FiredrillCliTest.Result;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code firedrill schedule} and {@code firedrill freeze} against a real orchestrator, as a user types them. */
class ScheduleCommandsTest {
    @TempDir
    static Path dataDir;
    private static OrchestratorServer server;
    private static String[] access;

    @BeforeAll
    static void startAnOrchestratorWithAStoredExperiment() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dataDir).withPort(0));
        access = new String[] {"--server", server.baseUrl(), "--token-file", server.adminTokenFile().toString()};
        HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/experiments"))
                .header("Authorization", "Bearer " + Files.readString(server.adminTokenFile()).strip())
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(Source.classpath("catalog/region-blackout.yaml").text()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clean() {
        for (String name : List.of("tuesdays", "dr-test")) {
            cli("schedule", "delete", name);
        }
        for (String name : List.of("weekend", "xmas", "launch")) {
            cli("freeze", "delete", name);
        }
    }

    private static Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(access));
        return FiredrillCliTest.run(all.toArray(String[]::new));
    }

    @Test
    void aScheduleIsCreatedListedPausedResumedAndDeleted() {
        Result created = cli("schedule", "create", "tuesdays", "--experiment", "region-blackout", "--cron",
                "0 0 10 ? * TUE", "--zone", "Europe/Paris");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("schedule tuesdays created: region-blackout, cron '0 0 10 ? * TUE' in "
                + "Europe/Paris").containsPattern("next fire \\d{4}-\\d{2}-\\d{2} 10:00 \\+0[12]:00 \\(");

        Result list = cli("schedule", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out()).startsWith("NAME").containsPattern("tuesdays +region-blackout +cron '0 0 10 \\? \\* "
                + "TUE' in Europe/Paris +active +\\d{4}-\\d{2}-\\d{2} 10:00 \\+0[12]:00 +-");

        assertThat(cli("schedule", "pause", "tuesdays").out()).startsWith("schedule tuesdays paused");
        assertThat(cli("schedule", "list").out()).contains(" paused ");
        assertThat(cli("schedule", "resume", "tuesdays").out()).startsWith("schedule tuesdays resumed; next fire ");
        assertThat(cli("schedule", "fires", "tuesdays").out()).isEqualTo("schedule tuesdays has not fired yet\n");
        Result deleted = cli("schedule", "delete", "tuesdays");
        assertThat(deleted.exit()).isZero();
        assertThat(deleted.out()).isEqualTo("schedule tuesdays deleted\n");
        assertThat(cli("schedule", "list").out()).startsWith("no schedules");
    }

    @Test
    void aOneOffShowsItsTimeInItsZone() {
        Result created = cli("schedule", "create", "dr-test", "--experiment", "region-blackout", "--at",
                "2030-12-01T10:00", "--zone", "Europe/Paris");

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("schedule dr-test created: region-blackout, once at 2030-12-01 10:00 "
                + "+01:00 (Europe/Paris)");
    }

    @Test
    void badValuesAreNamedByTheirOptionAndExitTwo() {
        Result cron = cli("schedule", "create", "tuesdays", "--experiment", "region-blackout", "--cron",
                "0 0 25 * * ?");
        assertThat(cron.exit()).isEqualTo(2);
        assertThat(cron.err()).startsWith("firedrill schedule create: --cron '0 0 25 * * ?': Hour values must be "
                + "between 0 and 23");

        Result zone = cli("freeze", "create", "weekend", "--weekly", "FRI 18:00-MON 08:00");
        assertThat(zone.exit()).isEqualTo(2);
        assertThat(zone.err()).isEqualTo("firedrill freeze create: --zone is required; expected an IANA time zone "
                + "such as Europe/Paris or UTC\n");

        Result both = cli("schedule", "create", "tuesdays", "--experiment", "region-blackout", "--cron",
                "0 0 10 ? * TUE", "--at", "2030-01-01T10:00:00Z");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--cron=EXPR, --at=TIME are mutually exclusive");

        Result experiment = cli("schedule", "create", "tuesdays", "--experiment", "nope", "--cron", "0 0 10 ? * TUE");
        assertThat(experiment.exit()).isEqualTo(2);
        assertThat(experiment.err()).isEqualTo("firedrill schedule create: --experiment 'nope' is not stored; "
                + "store it first with POST /api/v1/experiments\n");
    }

    @Test
    void anUnknownNameIsRefusedWithExitOne() {
        Result r = cli("schedule", "pause", "nope");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("firedrill schedule pause: no schedule named 'nope'\n");
    }

    @Test
    void freezeWindowsAreCreatedListedAndDeleted() {
        Result weekend = cli("freeze", "create", "weekend", "--weekly", "FRI 18:00-MON 08:00", "--zone",
                "Europe/Paris", "--reason", "nobody on call");
        Result xmas = cli("freeze", "create", "xmas", "--holidays", "2026-12-25,2027-01-01", "--zone", "UTC");
        Result launch = cli("freeze", "create", "launch", "--from", "2030-12-01T08:00:00Z", "--to",
                "2030-12-03T18:00:00Z");

        assertThat(weekend.out()).startsWith("freeze window weekend created: weekly FRI 18:00-MON 08:00 "
                + "(Europe/Paris)");
        assertThat(xmas.out()).isEqualTo("freeze window xmas created: holidays 2026-12-25, 2027-01-01 (UTC)\n");
        assertThat(launch.exit()).as(launch.err()).isZero();
        Result list = cli("freeze", "list");
        assertThat(list.out().lines().toList()).hasSize(4);
        assertThat(list.out()).containsPattern("weekend +(frozen|-) +weekly FRI 18:00-MON 08:00 \\(Europe/Paris\\) "
                + "+nobody on call");
        assertThat(cli("freeze", "delete", "xmas").out()).isEqualTo("freeze window xmas deleted\n");
        assertThat(cli("freeze", "delete", "xmas").exit()).isEqualTo(1);
    }

    @Test
    void withNoOrchestratorListeningEveryCommandExitsTwoSayingSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = FiredrillCliTest.run("schedule", "list", "--server", "http://127.0.0.1:" + port, "--token", "x");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("firedrill schedule list: no orchestrator answers at http://127.0.0.1:" + port)
                .endsWith("; start one with `firedrill server` or name it with --server\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"schedule", "schedule create", "schedule list", "schedule pause", "schedule resume",
        "schedule delete", "schedule fires", "freeze", "freeze create", "freeze list", "freeze delete"})
    void everyCommandHasHelpWithExamplesInEightyColumns(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        Result r = FiredrillCliTest.run(args.toArray(String[]::new));

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: firedrill " + command).containsPattern("Examples?:");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }
}
