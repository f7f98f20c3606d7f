package io.firedrill.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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

@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Run an experiment on an orchestrator and wait for its verdict: the file is sent to "
                + "POST /api/v1/runs, each lifecycle step is printed as it happens, then every objective with what "
                + "was declared, what was measured (± its error bound) and PASS, FAIL or UNKNOWN.",
            "Exit status: 0 every objective passed, 1 one did not (FAIL or UNKNOWN), 2 the run could not complete "
                + "(invalid file, no orchestrator, preflight refused, aborted) - so a CI pipeline can gate on it."},
        footer = {"", "Examples:",
            "  firedrill demo &        (an orchestrator, agents and the estate)",
            "  firedrill run experiments/catalog/region-blackout.yaml",
            "  firedrill run my-experiment.yaml --server http://orchestrator:8080"})
final class RunCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration QUIET_REPORT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The experiment (YAML or JSON).")
    Path file;

    @Mixin
    ApiAccess api;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file)) {
            err.println("firedrill run: cannot read '" + file + "' (" + (Files.exists(file) ? "not readable"
                    : "no such file") + "); expected an experiment file");
            err.flush();
            return 2;
        }
        String name = file.getFileName().toString();
        HttpResponse<String> started;
        try {
            started = http.send(api.request(("/api/v1/runs?filename="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", name.endsWith(".json") ? "application/json" : "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(Files.readString(file))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("firedrill run: no orchestrator answers at " + api.server + "; start one with `firedrill demo` "
                    + "or `firedrill server`, or name it with --server");
            err.flush();
            return 2;
        }
        if (started.statusCode() != 202) {
            printRefusal(err, started);
            return 2;
        }
        String id = new JsonObject(started.body()).getString("id");
        out.printf("run %s of %s started on %s%n", id, name, api.server);
        out.flush();
        return follow(out, id);
    }

    /** Prints each new transition until the run ends, then the verdicts; returns the exit status. */
    private int follow(PrintWriter out, String id) throws IOException, InterruptedException {
        Progress progress = new Progress(out);
        int seen = 0;
        long lastLine = System.nanoTime();
        while (true) {
            JsonObject view = get("/api/v1/runs/" + id);
            JsonArray transitions = view.getJsonArray("transitions", new JsonArray());
            for (; seen < transitions.size(); seen++) {
                JsonObject t = transitions.getJsonObject(seen);
                progress.step(String.format(Locale.ROOT, "%-13s %s", t.getString("state"),
                        t.getString("detail") == null ? "" : t.getString("detail")));
                lastLine = System.nanoTime();
            }
            JsonObject run = view.getJsonObject("run");
            String state = run.getString("state");
            if (state.equals("DONE") || state.equals("ABORTED")) {
                return finish(out, id, run, view);
            }
            if (System.nanoTime() - lastLine > QUIET_REPORT.toNanos()) {
                progress.step(String.format(Locale.ROOT, "%-13s still running", state));
                lastLine = System.nanoTime();
            }
            Thread.sleep(POLL.toMillis()); // the orchestrator has no push channel for the CLI yet; polling is cheap
        }
    }

    private int finish(PrintWriter out, String id, JsonObject run, JsonObject view) {
        if (run.getString("state").equals("ABORTED")) {
            out.printf("%nrun %s ABORTED: %s%n", id, run.getString("cause"));
            out.flush();
            return 2;
        }
        JsonObject result = view.getJsonObject("result");
        out.printf("%n%-12s %-12s %-26s %s%n", "OBJECTIVE", "DECLARED", "MEASURED", "VERDICT");
        JsonArray verdicts = result == null ? new JsonArray() : result.getJsonArray("verdicts", new JsonArray());
        for (int i = 0; i < verdicts.size(); i++) {
            JsonObject v = verdicts.getJsonObject(i);
            Long declared = v.getLong("declaredNanos");
            JsonObject measured = v.getJsonObject("measured");
            out.printf("%-12s %-12s %-26s %s%n", v.getString("objective"),
                    declared == null ? "-" : String.format(Locale.ROOT, "%.3f s", declared / 1e9),
                    measured == null ? "-" : measured.getString("text"), v.getString("verdict"));
            out.printf("             %s%n", v.getString("reason"));
        }
        String overall = run.getString("verdict");
        out.printf("%nverdict: %s   artefacts: %s/api/v1/runs/%s/artifacts/{%s}%n", overall,
                api.server.toString().replaceAll("/$", ""), id, String.join(",",
                        view.getJsonArray("artifacts", new JsonArray()).stream().map(Object::toString).toList()));
        out.flush();
        return "PASS".equals(overall) ? 0 : 1;
    }

    private JsonObject get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(api.request(path).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new CliFailure("GET " + path + " answered " + r.statusCode() + ": " + r.body(), null);
        }
        return new JsonObject(r.body());
    }

    private void printRefusal(PrintWriter err, HttpResponse<String> r) {
        try {
            JsonObject body = new JsonObject(r.body());
            err.println("firedrill run: " + body.getString("error", r.body()));
            JsonArray problems = body.getJsonArray("problems", new JsonArray());
            for (int i = 0; i < problems.size(); i++) {
                JsonObject p = problems.getJsonObject(i);
                err.printf("%s:%s:%s %s: %s%n", file, p.getValue("line"), p.getValue("column"), p.getString("path"),
                        p.getString("message"));
            }
        } catch (DecodeException e) {
            err.println("firedrill run: the orchestrator answered " + r.statusCode() + ": " + r.body());
        }
        err.flush();
    }
}
