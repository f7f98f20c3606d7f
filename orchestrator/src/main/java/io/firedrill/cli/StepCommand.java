package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code firedrill step ...}: the runbook steps of a game-day run, as its participants work through them. */
@Command(name = "step",
        mixinStandardHelpOptions = true,
        description = {"The runbook steps of a run a game day started. Participants start, complete or skip them in "
                + "order, in their game-day role (or as the facilitator); each is timed against what the runbook "
                + "expects. Completing a step with an http action (the router's POST /failover, say) performs it.",
            "Exit status: 0 done, 1 refused (not your role, out of order, the run is over) or the step's action "
                + "failed (the step stays completed), 2 bad usage or no orchestrator."},
        subcommands = {StepCommand.ListAll.class, StepCommand.Start.class, StepCommand.Complete.class,
            StepCommand.Skip.class},
        footer = {"", "Examples:",
            "  firedrill step list r-mx3k2-1",
            "  firedrill step start r-mx3k2-1 detect --token-file alice.token",
            "  firedrill step complete r-mx3k2-1 detect --note 'users get 502' \\",
            "      --evidence link=https://chat.example.com/incident-42",
            "  firedrill step skip r-mx3k2-1 trigger-failover --note 'the router failed over on its own'"})
final class StepCommand implements Callable<Integer> {
    private static final Map<String, String> OPTIONS = Map.of("note", "--note", "evidence", "--evidence");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("firedrill step: name what to do, e.g. 'firedrill step list RUN' "
                + "(see 'firedrill step --help')");
        spec.commandLine().getErr().flush();
        return 2;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The run's steps: state, who started and ended each, and its time against the runbook's.",
            footer = {"", "Example:", "  firedrill step list r-mx3k2-1"})
    static final class ListAll extends ApiAction {
        @Parameters(paramLabel = "RUN", description = "The run's id.")
        String run;

        @Override
        Map<String, String> options() {
            return OPTIONS;
        }

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            JsonNode r = calls.send("GET", "/api/v1/runs/" + segment(run) + "/steps", null);
            out.printf("run %s (%s%s) of %s, game day %s, runbook %s %s%n", run, r.path("runState").asText(),
                    r.path("inFlight").asBoolean() ? ", in flight" : "", r.path("experiment").asText(),
                    r.path("gameDay").asText(), r.path("runbook").asText(), r.path("runbookVersion").asText());
            TextTable table = new TextTable("#", "STEP", "ROLE", "STATE", "BY", "AT (RUN)", "ELAPSED", "EXPECTED",
                    "TIMING", "ACTION");
            for (JsonNode s : r.path("steps")) {
                JsonNode end = s.path("completed").isObject() ? s.path("completed") : s.path("skipped");
                JsonNode mark = end.isObject() ? end : s.path("started");
                table.row(s.path("position").asText(), s.path("id").asText(), s.path("role").asText(),
                        s.path("state").asText(), mark.isObject() ? mark.path("by").asText() : "-",
                        mark.isObject() ? seconds(mark.path("runSeconds")) : "-", seconds(s.path("elapsedSeconds")),
                        s.path("expected").asText(), s.path("timing").isTextual() ? s.path("timing").asText() : "-",
                        action(s.path("action")));
            }
            table.print(out);
        }
    }

    /** What start, complete and skip share: the run, the step, and what the person writes and keeps. */
    abstract static class Act extends ApiAction {
        @Parameters(index = "0", paramLabel = "RUN", description = "The run's id.")
        String run;

        @Parameters(index = "1", paramLabel = "STEP", description = "The step's id in the runbook.")
        String step;

        @Option(names = "--note", paramLabel = "TEXT", description = "What to record with it (needed to skip).")
        String note;

        @Option(names = "--evidence", paramLabel = "KIND=VALUE", description = "Something kept as evidence: note, "
                + "link, screenshot, log or command-output, e.g. link=https://chat.example.com/incident-42; repeat.")
        List<String> evidence = new ArrayList<>();

        abstract String act();

        @Override
        Map<String, String> options() {
            return OPTIONS;
        }

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            List<Map<String, String>> kept = new ArrayList<>();
            for (String e : evidence) {
                int eq = e.indexOf('=');
                if (eq <= 0 || eq == e.length() - 1) {
                    throw calls.fail(2, "--evidence '" + e + "': expected KIND=VALUE, e.g. link=https://chat.example"
                            + ".com/incident-42");
                }
                kept.add(Map.of("kind", e.substring(0, eq), "value", e.substring(eq + 1)));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (note != null) {
                body.put("note", note);
            }
            if (!kept.isEmpty()) {
                body.put("evidence", kept);
            }
            JsonNode s = calls.send("POST", "/api/v1/runs/" + segment(run) + "/steps/" + segment(step) + "/" + act(),
                    body);
            JsonNode mark = s.path(s.path("state").asText());
            out.printf("step %s %s by %s (%s) at %s of the run", s.path("id").asText(), s.path("state").asText(),
                    mark.path("by").asText(), mark.path("role").asText(), seconds(mark.path("runSeconds")));
            if (s.path("elapsedSeconds").isNumber() && s.path("state").asText().equals("completed")) {
                out.printf(" after %s, expected %s: %s", seconds(s.path("elapsedSeconds")), s.path("expected").asText(),
                        s.path("timing").asText());
            }
            out.println();
            JsonNode outcome = s.path("action").path("outcome");
            if (outcome.isObject()) {
                out.printf("  action: %s%n", outcome.path("detail").asText());
            }
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a step, once the one before it is completed or skipped.",
            footer = {"", "Example:", "  firedrill step start r-mx3k2-1 detect"})
    static final class Start extends Act {
        @Override
        String act() {
            return "start";
        }
    }

    @Command(name = "complete", mixinStandardHelpOptions = true,
            description = "Complete a started step; its http action, if any, is performed now.",
            footer = {"", "Example:", "  firedrill step complete r-mx3k2-1 trigger-failover --evidence "
                    + "command-output='HTTP/1.1 200, active us-east'"})
    static final class Complete extends Act {
        @Override
        String act() {
            return "complete";
        }
    }

    @Command(name = "skip", mixinStandardHelpOptions = true, description = "Skip a step, saying why with --note.",
            footer = {"", "Example:", "  firedrill step skip r-mx3k2-1 trigger-failover --note 'router did it'"})
    static final class Skip extends Act {
        @Override
        String act() {
            return "skip";
        }
    }

    private static String seconds(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1fs", n.asDouble()) : "-";
    }

    private static String action(JsonNode a) {
        if (!a.isObject()) {
            return "-";
        }
        JsonNode o = a.path("outcome");
        return a.path("method").asText() + " " + a.path("target").asText() + (o.isObject()
                ? (o.path("ok").asBoolean() ? " ok " : " FAILED ") + (o.path("status").isNumber()
                        ? o.path("status").asText() : "no answer") : "");
    }
}
