package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a user sees from the launcher: help with examples, version, validation output and exit codes. */
public class FiredrillCliTest {
    private static final Path CATALOG = Path.of("..", "experiments", "catalog");

    /** What one command line gave: exit code, stdout and stderr. */
    public record Result(int exit, String out, String err) {}

    /** Runs the launcher in-process, as {@code firedrill <args>}, capturing both streams. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Firedrill.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "server", "agent", "estate", "run", "proxy", "validate", "version"})
    void everyCommandHasHelpWithExamples(String command) {
        Result r = run(command, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: firedrill " + command).containsPattern("Examples?:");
    }

    @Test
    void rootHelpListsTheCommands() {
        Result r = run("--help");
        assertThat(r.out()).contains("demo", "server", "agent", "validate", "version");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Result r = run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("firedrill 0.1.0-SNAPSHOT (Java 17");
    }

    @Test
    void validateAcceptsTheWholeCatalog() throws IOException {
        String[] files;
        try (var list = Files.list(CATALOG)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).map(Path::toString).sorted().toArray(String[]::new);
        }
        Result r = run(prepend("validate", files));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("region-blackout.yaml: ok (Experiment 'region-blackout')")
                .contains(files.length + " file(s), 0 problem(s)");
    }

    @Test
    void validateReportsEveryProblemWithLineAndColumnAndExitsOne(@TempDir Path dir) throws IOException {
        String text = Files.readString(CATALOG.resolve("region-blackout.yaml"))
                .replace("fault: region-blackout", "fault: blackhole");
        Files.writeString(dir.resolve("reference-estate.yaml"), Files.readString(CATALOG.resolve("reference-estate.yaml")));
        Path file = dir.resolve("region-blackout.yaml");
        Files.writeString(file, text);
        int line = lineOf(text, "fault: blackhole");

        Result r = run("validate", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(file + ":" + line + ":")
                .contains(" method[0].fault: unknown fault 'blackhole'; expected one of region-blackout")
                .contains("1 file(s), 1 problem(s)");
    }

    @Test
    void validateOfAMissingFileExitsTwo() {
        Result r = run("validate", "no/such/file.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no/such/file.yaml: cannot read");
    }

    @Test
    void badOptionValueNamesTheOptionAndValue() {
        Result r = run("agent", "--region", "eu-west", "--token-file", "t", "--heartbeat", "soon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--heartbeat").contains("soon");
    }

    @Test
    void agentHelpShowsTheSilenceLimitWithItsDefault() {
        Result r = run("agent", "--help");
        assertThat(r.out()).contains("--silence-limit").contains("Default: 20s");
    }

    @Test
    void agentRefusesASilenceLimitOfZero(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("eu-west.token"), "s3cret");
        Result r = run("agent", "--region", "eu-west", "--token-file", token.toString(), "--silence-limit", "0s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("orchestrator silence limit must be positive, was PT0S");
    }

    @Test
    void agentRefusesAHostFaultDeclarationItCannotRead(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("eu-west.token"), "s3cret");
        Result r = run("agent", "--region", "eu-west", "--token-file", token.toString(), "--process", "app=/run/app.pid");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--process 'app=/run/app.pid' is not valid: expected NAME=pidfile:PATH or "
                + "NAME=match:REGEX (e.g. app=pidfile:/run/app.pid)");
    }

    @Test
    void agentRefusesAnEstateItCannotFind(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("eu-west.token"), "s3cret");
        Result r = run("agent", "--region", "eu-west", "--token-file", token.toString(), "--estate", "nowhere.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--estate 'nowhere.yaml' is neither a file nor a catalog estate "
                + "(e.g. reference-estate.yaml)");
    }

    @Test
    void agentWithItsProxyApiPortInUseSaysSoInOneLineAndExitsOne(@TempDir Path dir) throws IOException {
        Path token = Files.writeString(dir.resolve("eu-west.token"), "s3cret");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Result r = run("agent", "--region", "eu-west", "--token-file", token.toString(), "--state-dir",
                    dir.resolve("state").toString(), "--proxy-api", "127.0.0.1:" + port);

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("firedrill agent: agent eu-west cannot start: its proxy API cannot listen on "
                    + "127.0.0.1:" + port + ": address already in use; choose another --proxy-api"
                    + System.lineSeparator());
        }
    }

    @Test
    void serverOnAPortInUseSaysSoInOneLineAndExitsOne(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Result r = run("server", "--port", String.valueOf(port), "--data-dir", dir.toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("firedrill server: cannot listen on 127.0.0.1:" + port
                    + ": address already in use; choose another --port" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void serverWithAMissingPasswordFileNamesTheOptionAndExitsTwo(@TempDir Path dir) {
        Result r = run("server", "--port", "0", "--data-dir", dir.toString(),
                "--db-url", "jdbc:postgresql://127.0.0.1:1/firedrill", "--db-password-file", "no/such/secret");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--db-password-file: cannot read 'no/such/secret' (no such file); "
                + "expected a file holding the database password").doesNotContain("\tat ");
    }

    @Test
    void estateUpRefusesAnUnknownDatabaseOrPortPlanNamingTheOptionAndValue(@TempDir Path dir) {
        Result db = run("estate", "up", "--db", "mysql", "--dir", dir.toString());
        assertThat(db.exit()).isEqualTo(2);
        assertThat(db.err()).contains("--db: 'mysql' is not one of h2, postgres");

        Result ports = run("estate", "up", "--ports", "18000-19000", "--dir", dir.toString());
        assertThat(ports.exit()).isEqualTo(2);
        assertThat(ports.err()).contains("--ports: '18000-19000' is not one of default, free");
        assertThat(dir.resolve("estate.yaml")).doesNotExist();
    }

    @Test
    void runOfAMissingFileExitsTwoNamingIt() {
        Result r = run("run", "no/such/experiment.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read 'no/such/experiment.yaml' (no such file)");
    }

    @Test
    void runWithNoOrchestratorListeningExitsTwoAndSaysHowToStartOne() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path experiment = Path.of("../experiments/catalog/region-blackout.yaml");
        Result r = run("run", experiment.toString(), "--server", "http://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no orchestrator answers at http://127.0.0.1:" + port)
                .contains("firedrill demo");
    }

    @Test
    void estateDownWithNothingRunningSaysSoAndSucceeds(@TempDir Path dir) {
        Result r = run("estate", "down", "--dir", dir.resolve("none").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("nothing to stop");
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in text");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
