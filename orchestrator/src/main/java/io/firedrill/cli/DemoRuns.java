package io.firedrill.cli;

import io.firedrill.estate.Database;
import io.firedrill.model.Experiment;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.measure.ObjectiveVerdict;
import io.firedrill.orchestrator.measure.RunFiles;
import io.firedrill.orchestrator.measure.RunResult;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunTransition;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's game day: each catalog experiment run in turn against the estate the demo started, with progress
 * lines as the runs move through their states, the estate failed back between runs so each starts from its
 * declared shape, and one table of every verdict at the end.
 */
final class DemoRuns {
    private static final Duration POLL = Duration.ofMillis(250);

    /** One experiment's run: its record once ended, and its result when it was judged. */
    record Outcome(String experiment, RunRecord run, RunResult result) {}

    private final OrchestratorServer server;
    private final URI frontDoor;
    private final Progress progress;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoRuns(OrchestratorServer server, URI frontDoor, Progress progress) {
        this.server = server;
        this.frontDoor = frontDoor;
        this.progress = progress;
    }

    /** The catalog experiments, pointed at the estate variant the demo runs. */
    static List<Source> experiments(Database database) {
        List<Source> sources = new ArrayList<>();
        for (Source s : Catalog.experiments()) {
            String text = database == Database.H2 ? s.text()
                    : s.text().replace("estate: reference-estate.yaml", "estate: " + database.catalogFile());
            sources.add(Source.text(s.name(), text));
        }
        return sources;
    }

    List<Outcome> runAll(List<Source> sources) throws Exception {
        ModelLoader loader = new ModelLoader(ClasspathEstateResolver.catalog());
        List<Outcome> outcomes = new ArrayList<>();
        for (Source source : sources) {
            Experiment experiment = loader.loadExperiment(source).orElseThrow();
            failBackIfNeeded();
            outcomes.add(run(experiment, source.text()));
        }
        failBackIfNeeded();
        return outcomes;
    }

    private Outcome run(Experiment experiment, String text) throws Exception {
        RunRecord run = server.runs().start(experiment, text, "demo");
        String tag = String.format(Locale.ROOT, "%-16s", experiment.name());
        int seen = 0;
        while (true) {
            List<RunTransition> transitions = server.database().runs().transitions(run.id());
            for (; seen < transitions.size(); seen++) {
                RunTransition t = transitions.get(seen);
                progress.step(tag + String.format(Locale.ROOT, "%-13s %s", t.state(), t.detail() == null ? "" : t.detail()));
            }
            RunRecord now = server.database().runs().find(run.id()).orElseThrow();
            if (!server.runs().inFlight(run.id()) && (now.state().equals("DONE") || now.state().equals("ABORTED"))) {
                Path result = server.runs().runDir(run.id()).resolve(RunFiles.RESULT);
                RunResult judged = Files.isRegularFile(result) ? RunResult.fromJson(Files.readString(result)) : null;
                return new Outcome(experiment.name(), now, judged);
            }
            Thread.sleep(POLL.toMillis()); // the engine records each transition; the demo shows them as they come
        }
    }

    /** An experiment that failed the estate over leaves it so; the next one must start from the declared shape. */
    private void failBackIfNeeded() throws Exception {
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(frontDoor.resolve("/router/status")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() == 200 && status.body().contains("\"active\":\"eu-west\"")) {
            return;
        }
        progress.step("the estate is failed over; failing back to eu-west");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(frontDoor.resolve("/failback"))
                .timeout(Duration.ofMinutes(3)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"switchBack\": true, \"actor\": \"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new CliFailure("failback between experiments failed (" + r.statusCode() + "): " + r.body(), null);
        }
    }

    static void printTable(PrintWriter out, List<Outcome> outcomes) {
        out.printf("%n%-16s %-22s %-10s %-24s %s%n", "EXPERIMENT", "OBJECTIVE", "DECLARED", "MEASURED", "VERDICT");
        for (Outcome o : outcomes) {
            if (o.result() == null) {
                out.printf("%-16s %-22s %-10s %-24s %s%n", o.experiment(), "-", "-", "-",
                        o.run().state() + (o.run().cause() == null ? "" : ": " + o.run().cause()));
                continue;
            }
            for (ObjectiveVerdict v : o.result().verdicts()) {
                out.printf("%-16s %-22s %-10s %-24s %s%n", o.experiment(), v.objective(),
                        v.declared().map(d -> String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9)).orElse("-"),
                        v.measured().map(m -> m.text()).orElse("-"), v.verdict());
            }
        }
        out.flush();
    }

    static boolean allCompleted(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(o -> o.run().state().equals("DONE"));
    }
}
