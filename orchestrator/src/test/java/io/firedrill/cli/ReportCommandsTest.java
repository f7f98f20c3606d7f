package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firedrill report} and {@code firedrill signoff} against a real orchestrator. No agent is connected, so the
 * run ends in preflight: a finished run with a report, which is all these commands need.
 */
class ReportCommandsTest {
    @TempDir
    static Path dataDir;
    private static OrchestratorServer server;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String[] access;
    private static String run;

    @BeforeAll
    static void aRunThatEnded() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dataDir).withPort(0));
        access = new String[] {"--server", server.baseUrl(), "--token-file", server.adminTokenFile().toString()};
        assertThat(send("/api/v1/experiments", "application/yaml",
                Source.classpath("catalog/region-blackout.yaml").text()).statusCode()).isEqualTo(201);
        // Started by an operator: whoever starts a run may not sign off its report, and the CLI signs as the admin.
        HttpResponse<String> olga = send("/api/v1/users", "application/json",
                "{\"name\":\"olga\",\"role\":\"operator\"}");
        assertThat(olga.statusCode()).as(olga.body()).isEqualTo(201);
        String olgaToken = JSON.readTree(olga.body()).path("token").path("token").asText();
        HttpResponse<String> started = send("/api/v1/runs?experiment=region-blackout", "application/json", "",
                olgaToken);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        run = JSON.readTree(started.body()).path("id").asText();
        await("run ends").atMost(Duration.ofSeconds(30)).until(() -> !send("/api/v1/runs/" + run, null, null).body()
                .contains("\"inFlight\":true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void writesTheReportInEachFormat() throws Exception {
        Result json = cli("report", run);
        Path pdf = dataDir.resolve("run.pdf");
        Result wrote = cli("report", run, "--format", "pdf", "--out", pdf.toString());
        Path html = dataDir.resolve("run.html");
        Result page = cli("report", run, "--format", "html", "--out", html.toString());

        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"runId\" : \"" + run + "\"", "\"evidence\"");
        assertThat(wrote.exit()).as(wrote.err()).isZero();
        assertThat(wrote.out()).startsWith("wrote " + pdf).contains("report SHA-256 ");
        assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        assertThat(page.exit()).isZero();
        assertThat(Files.readString(html)).contains("<svg", "12. Evidence integrity");
    }

    @Test
    void refusesWhatItCannotDoNamingWhy() {
        Result pdfToTerminal = cli("report", run, "--format", "pdf");
        Result unknown = cli("report", "r-nope");
        Result badFormat = FiredrillCliTest.run("report", run, "--format", "docx");

        assertThat(pdfToTerminal.exit()).isEqualTo(2);
        assertThat(pdfToTerminal.err()).contains("--format pdf needs --out FILE");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("404: no run with id 'r-nope'");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format");
    }

    @Test
    void signsOffOnceAndPrintsTheHashAndCheckpoint() {
        Result signed = cli("signoff", run, "--note", "reviewed");
        Result again = cli("signoff", run);

        assertThat(signed.exit()).as(signed.err()).isZero();
        assertThat(signed.out()).contains("report of run " + run + " signed off by admin at ",
                "frozen report SHA-256: ", "audit checkpoint: tree size ", "public key fingerprint: ");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("409: the report of run " + run + " was signed off by admin at ");
    }

    private static Result cli(String... args) {
        String[] all = new String[args.length + access.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(access, 0, all, args.length, access.length);
        return FiredrillCliTest.run(all);
    }

    private static HttpResponse<String> send(String path, String type, String body) throws Exception {
        return send(path, type, body, Files.readString(server.adminTokenFile()).strip());
    }

    private static HttpResponse<String> send(String path, String type, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
