package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code firedrill freeze ...}: periods in which no scheduled game day starts. */
@Command(name = "freeze",
        mixinStandardHelpOptions = true,
        description = {"Freeze windows: periods in which no scheduled game day starts. A fire inside one is "
                + "recorded as blocked, naming the window and its reason. Runs started by hand are not blocked.",
            "Starts are inclusive, ends exclusive; weekly times and holidays are read in --zone, wall-clock (a "
                + "window keeps its local hours across a DST change).",
            "Exit status: 0 done, 1 refused (unknown or taken name), 2 bad usage or no orchestrator."},
        subcommands = {FreezeCommand.Create.class, FreezeCommand.ListAll.class, FreezeCommand.Delete.class},
        footer = {"", "Examples:",
            "  firedrill freeze create weekend --weekly 'FRI 18:00-MON 08:00' \\",
            "      --zone Europe/Paris --reason 'nobody on call'",
            "  firedrill freeze create year-end --from 2026-12-24 --to 2027-01-01 \\",
            "      --zone Europe/Paris",
            "  firedrill freeze create holidays --holidays 2026-12-25,2027-01-01 \\",
            "      --zone America/New_York",
            "  firedrill freeze list",
            "  firedrill freeze delete weekend"})
final class FreezeCommand implements Callable<Integer> {
    private static final Map<String, String> OPTIONS = Map.of("name", "NAME", "weekly", "--weekly", "from", "--from",
            "to", "--to", "holidays", "--holidays", "timeZone", "--zone", "reason", "--reason");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("firedrill freeze: name what to do, e.g. 'firedrill freeze list' "
                + "(see 'firedrill freeze --help')");
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** What every subcommand shares: how to reach the API, the one-line failure, and this command's options. */
    abstract static class Action extends ApiAction {
        @Override
        final Map<String, String> options() {
            return OPTIONS;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a freeze window of one kind: --weekly (a range of the week, or the same hours on "
                    + "listed days, into the next day when the end comes first), --from and --to (ISO times, or "
                    + "dates in --zone: a date as --to includes that day), or --holidays (whole days in --zone)."},
            footer = {"", "Examples:",
                "  firedrill freeze create weekend --weekly 'FRI 18:00-MON 08:00' \\",
                "      --zone Europe/Paris",
                "  firedrill freeze create nights --weekly 'MON-FRI 22:00-06:00' --zone UTC",
                "  firedrill freeze create launch --from 2026-12-01T08:00:00Z \\",
                "      --to 2026-12-03T18:00:00Z --reason 'product launch'",
                "  firedrill freeze create holidays --holidays 2026-12-25,2027-01-01 \\",
                "      --zone Europe/Paris"})
    static final class Create extends Action {
        @Parameters(paramLabel = "NAME", description = "The window's name: letters, digits, '.', '_', '-'.")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Kind kind;

        @Option(names = "--zone", paramLabel = "ZONE",
                description = "IANA time zone, e.g. Europe/Paris; needed for --weekly and --holidays.")
        String zone;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Shown with every game day it blocks.")
        String reason;

        static final class Kind {
            @Option(names = "--weekly", paramLabel = "RANGE", description = "e.g. 'FRI 18:00-MON 08:00'.")
            String weekly;

            @Option(names = "--holidays", paramLabel = "DATES", split = ",",
                    description = "e.g. 2026-12-25,2027-01-01.")
            List<String> holidays;

            @ArgGroup(exclusive = false)
            Dates dates;
        }

        static final class Dates {
            @Option(names = "--from", required = true, paramLabel = "TIME", description = "First moment inside.")
            String from;

            @Option(names = "--to", required = true, paramLabel = "TIME", description = "First moment after it.")
            String to;
        }

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            if (kind.weekly != null) {
                body.put("weekly", kind.weekly);
            } else if (kind.holidays != null) {
                body.put("holidays", kind.holidays);
            } else {
                body.put("from", kind.dates.from);
                body.put("to", kind.dates.to);
            }
            if (zone != null) {
                body.put("timeZone", zone);
            }
            if (reason != null) {
                body.put("reason", reason);
            }
            JsonNode w = calls.send("POST", "/api/v1/freeze-windows", body);
            out.printf("freeze window %s created: %s%s%n", w.path("name").asText(), w.path("description").asText(),
                    w.path("activeNow").asBoolean() ? "; in effect now" : "");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every freeze window, whether it is in effect now, and its reason.",
            footer = {"", "Example:", "  firedrill freeze list"})
    static final class ListAll extends Action {
        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            JsonNode all = calls.send("GET", "/api/v1/freeze-windows", null);
            if (all.isEmpty()) {
                out.println("no freeze windows; create one with `firedrill freeze create`");
                return;
            }
            TextTable table = new TextTable("NAME", "NOW", "WINDOW", "REASON");
            for (JsonNode w : all) {
                table.row(w.path("name").asText(), w.path("activeNow").asBoolean() ? "frozen" : "-",
                        w.path("description").asText(), w.path("reason").asText());
            }
            table.print(out);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a freeze window; game days inside it start again.",
            footer = {"", "Example:", "  firedrill freeze delete weekend"})
    static final class Delete extends Action {
        @Parameters(paramLabel = "NAME", description = "The window.")
        String name;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            calls.send("DELETE", "/api/v1/freeze-windows/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                    .replace("+", "%20"), null);
            out.printf("freeze window %s deleted%n", name);
        }
    }
}
