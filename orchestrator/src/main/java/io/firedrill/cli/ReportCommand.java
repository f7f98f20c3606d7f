package io.firedrill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"The report of a run: identification, scope, objectives, scenario, participants, timeline, "
                + "results, deviations, findings, remediation actions, sign-off and audit evidence, as JSON (default), "
                + "a self-contained HTML page with the timeline chart, or PDF. Once signed off it is the frozen report.",
            "Exit status: 0 written, 1 refused (unknown run), 2 bad usage or no orchestrator."},
        footer = {"", "Examples:",
            "  firedrill report r-mhx3k2-1",
            "  firedrill report r-mhx3k2-1 --format html --out drill.html",
            "  firedrill report r-mhx3k2-1 --format pdf --out drill.pdf"})
final class ReportCommand implements Callable<Integer> {
    enum Format { json, html, pdf }

    @Spec
    CommandSpec spec;

    @Mixin
    ApiAccess api;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
    String run;

    @Option(names = "--format", defaultValue = "json", description = "json, html or pdf. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report there (needed for pdf); "
            + "default: standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.pdf && out == null) {
            err.println("firedrill report: --format pdf needs --out FILE (a PDF is not for the terminal)");
            err.flush();
            return 2;
        }
        HttpResponse<byte[]> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    api.request("/api/v1/runs/" + ApiAction.segment(run) + "/report?format="
                            + format.name().toLowerCase(Locale.ROOT)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            err.println("firedrill report: no orchestrator answers at " + api.server + " (" + e
                    + "); name it with --server");
            err.flush();
            return 2;
        }
        if (r.statusCode() != 200) {
            String body = new String(r.body(), StandardCharsets.UTF_8);
            String message = body;
            try {
                message = new ObjectMapper().readTree(body).path("error").asText(body);
            } catch (IOException notJson) {
                // the raw body says it best
            }
            err.println("firedrill report: " + r.statusCode() + ": " + message);
            err.flush();
            return r.statusCode() == 404 || r.statusCode() == 409 ? 1 : 2;
        }
        if (out == null) {
            stdout.print(new String(r.body(), StandardCharsets.UTF_8));
            stdout.flush();
            return 0;
        }
        Files.write(out, r.body());
        stdout.printf("wrote %s (%d bytes; report SHA-256 %s)%n", out, r.body().length,
                r.headers().firstValue("X-Firedrill-Report-SHA256").orElse("-"));
        stdout.flush();
        return 0;
    }
}
