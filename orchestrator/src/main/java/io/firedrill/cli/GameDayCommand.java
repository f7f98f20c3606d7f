package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code firedrill gameday ...}: game days that rehearse a runbook while their experiments run. */
@Command(name = "gameday",
        mixinStandardHelpOptions = true,
        description = {"Game days: stored experiments, a runbook, and the people who rehearse it with their roles "
                + "(facilitator, on-call, observer, approver). Each run a game day starts has the runbook's steps; "
                + "participants work through them with `firedrill step`.",
            "Exit status: 0 done, 1 refused (unknown or taken name, a run in flight), 2 bad usage or no orchestrator."},
        subcommands = {GameDayCommand.Create.class, GameDayCommand.ListAll.class, GameDayCommand.Run.class,
            GameDayCommand.Delete.class},
        footer = {"", "Examples:",
            "  firedrill gameday create q4-drill --runbook regional-failover --experiment region-blackout \\",
            "      --participant carol=facilitator --participant alice=on-call --participant bob=observer",
            "  firedrill gameday list",
            "  firedrill gameday run q4-drill --experiment region-blackout"})
final class GameDayCommand implements Callable<Integer> {
    private static final Map<String, String> OPTIONS = Map.of("name", "NAME", "runbook", "--runbook", "experiments",
            "--experiment", "experiment", "--experiment", "participants", "--participant");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("firedrill gameday: name what to do, e.g. 'firedrill gameday list' "
                + "(see 'firedrill gameday --help')");
        spec.commandLine().getErr().flush();
        return 2;
    }

    abstract static class Action extends ApiAction {
        @Override
        Map<String, String> options() {
            return OPTIONS;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a game day. The runbook (built in, or sent with POST /api/v1/runbooks) must apply "
                    + "to every experiment; participants are API users, each with one role."},
            footer = {"", "Example:",
                "  firedrill gameday create q4-drill --runbook regional-failover --experiment region-blackout \\",
                "      --participant carol=facilitator --participant alice=on-call --participant bob=observer"})
    static final class Create extends Action {
        @Parameters(paramLabel = "NAME", description = "The game day's name: letters, digits, '.', '_', '-'.")
        String name;

        @Option(names = "--runbook", required = true, paramLabel = "ID", description = "The runbook to rehearse.")
        String runbook;

        @Option(names = "--experiment", required = true, paramLabel = "NAME",
                description = "A stored experiment; repeat for several, in the order they run.")
        List<String> experiments;

        @Option(names = "--participant", required = true, paramLabel = "USER=ROLE",
                description = "A person and their role: facilitator, on-call, observer or approver; repeat.")
        List<String> participants;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            List<Map<String, String>> people = new ArrayList<>();
            for (String p : participants) {
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1) {
                    throw calls.fail(2, "--participant '" + p + "': expected USER=ROLE, e.g. alice=on-call");
                }
                Map<String, String> one = new LinkedHashMap<>();
                one.put("user", p.substring(0, eq));
                one.put("role", p.substring(eq + 1));
                people.add(one);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("runbook", runbook);
            body.put("experiments", experiments);
            body.put("participants", people);
            JsonNode g = calls.send("POST", "/api/v1/gamedays", body);
            out.printf("game day %s created: runbook %s %s, experiments %s; %s%n", g.path("name").asText(),
                    g.path("runbook").path("id").asText(), g.path("runbook").path("version").asText(),
                    String.join(", ", texts(g.path("experiments"))), participants(g));
            if (!g.path("uncoveredRoles").isEmpty()) {
                out.printf("  no participant has role %s: only a facilitator can act on those steps%n",
                        String.join(", ", texts(g.path("uncoveredRoles"))));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every game day with its runs.",
            footer = {"", "Example:", "  firedrill gameday list --server http://orchestrator:8080"})
    static final class ListAll extends Action {
        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            JsonNode all = calls.send("GET", "/api/v1/gamedays", null);
            if (all.isEmpty()) {
                out.println("no game days; create one with `firedrill gameday create`");
                return;
            }
            TextTable table = new TextTable("NAME", "RUNBOOK", "EXPERIMENTS", "PARTICIPANTS", "RUNS", "LAST RUN");
            for (JsonNode g : all) {
                JsonNode runs = g.path("runs");
                JsonNode last = runs.path(runs.size() - 1);
                table.row(g.path("name").asText(), g.path("runbook").path("id").asText(),
                        String.join(",", texts(g.path("experiments"))), participants(g),
                        Integer.toString(runs.size()), runs.isEmpty() ? "-" : last.path("runId").asText() + " "
                                + last.path("experiment").asText() + " " + last.path("state").asText());
            }
            table.print(out);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Start a run of one of the game day's experiments (default: the first that has not run) "
                    + "and print its id; the runbook's steps become the run's. Follow them with `firedrill step list "
                    + "RUN`."},
            footer = {"", "Example:", "  RUN=$(firedrill gameday run q4-drill --experiment region-blackout)"})
    static final class Run extends Action {
        @Parameters(paramLabel = "NAME", description = "The game day.")
        String name;

        @Option(names = "--experiment", paramLabel = "NAME", description = "Which of its experiments to run.")
        String experiment;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            JsonNode r = calls.send("POST", "/api/v1/gamedays/" + segment(name) + "/runs"
                    + (experiment == null ? "" : "?experiment=" + segment(experiment)), null);
            out.println(r.path("id").asText());
            PrintWriter err = spec.commandLine().getErr();
            err.printf("run %s of %s started for game day %s: %d steps of runbook %s; follow them with `firedrill "
                    + "step list %s`%n", r.path("id").asText(), r.path("experiment").asText(), name,
                    r.path("steps").asInt(), r.path("runbook").asText(), r.path("id").asText());
            err.flush();
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a game day none of whose runs is in flight; its runs and their steps are kept.",
            footer = {"", "Example:", "  firedrill gameday delete q4-drill"})
    static final class Delete extends Action {
        @Parameters(paramLabel = "NAME", description = "The game day.")
        String name;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            calls.send("DELETE", "/api/v1/gamedays/" + segment(name), null);
            out.printf("game day %s deleted%n", name);
        }
    }

    private static String participants(JsonNode g) {
        List<String> people = new ArrayList<>();
        g.path("participants").forEach(p -> people.add(p.path("user").asText() + "=" + p.path("role").asText()));
        return String.join(",", people);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
