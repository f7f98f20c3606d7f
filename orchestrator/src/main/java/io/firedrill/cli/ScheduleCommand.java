package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code firedrill schedule ...}: game days on a calendar, managed on an orchestrator over its API. */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        description = {"Game days on a calendar: run a stored experiment by cron or once at a time. Each fire is "
                + "recorded: started (with its run), blocked (a freeze window, a HALT, the previous game day still "
                + "running) or failed. A game day missed while no orchestrator ran is skipped, never run late.",
            "Exit status: 0 done, 1 refused (unknown or taken name), 2 bad usage or no orchestrator."},
        subcommands = {ScheduleCommand.Create.class, ScheduleCommand.ListAll.class, ScheduleCommand.Pause.class,
            ScheduleCommand.Resume.class, ScheduleCommand.Delete.class, ScheduleCommand.Fires.class},
        footer = {"", "Examples:",
            "  firedrill schedule create tuesday-blackout --experiment region-blackout \\",
            "      --cron '0 0 10 ? * TUE' --zone Europe/Paris",
            "  firedrill schedule create dr-test --experiment region-blackout \\",
            "      --at 2026-12-01T10:00 --zone Europe/Paris",
            "  firedrill schedule list",
            "  firedrill schedule pause tuesday-blackout",
            "  firedrill schedule fires tuesday-blackout"})
final class ScheduleCommand implements Callable<Integer> {
    /** The API's field names in its messages, as this command's options. */
    private static final Map<String, String> OPTIONS = options();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("firedrill schedule: name what to do, e.g. 'firedrill schedule list' "
                + "(see 'firedrill schedule --help')");
        spec.commandLine().getErr().flush();
        return 2;
    }

    private static Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("name", "NAME");
        o.put("experiment", "--experiment");
        o.put("cron", "--cron");
        o.put("at", "--at");
        o.put("timeZone", "--zone");
        return o;
    }

    /** What every subcommand shares: how to reach the API, the one-line failure, and this command's options. */
    abstract static class Action extends ApiAction {
        @Override
        final Map<String, String> options() {
            return OPTIONS;
        }

        static String path(String name, String action) {
            return "/api/v1/schedules/" + segment(name) + action;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Schedule a stored experiment (see POST /api/v1/experiments) by cron or once.",
                "--cron is Quartz syntax with seconds first: seconds minutes hours day-of-month month day-of-week "
                    + "[year], one of the two days '?'. It is read in --zone (an IANA zone, default UTC), DST "
                    + "included. --at is an ISO time with an offset, or a local time in --zone."},
            footer = {"", "Examples:",
                "  firedrill schedule create tuesday-blackout --experiment region-blackout \\",
                "      --cron '0 0 10 ? * TUE' --zone Europe/Paris",
                "  firedrill schedule create nightly-lag --experiment replication-lag \\",
                "      --cron '0 30 2 ? * MON-FRI' --zone America/New_York",
                "  firedrill schedule create dr-test --experiment region-blackout \\",
                "      --at 2026-12-01T10:00:00Z"})
    static final class Create extends Action {
        @Parameters(paramLabel = "NAME", description = "The schedule's name: letters, digits, '.', '_', '-'.")
        String name;

        @Option(names = "--experiment", required = true, paramLabel = "NAME",
                description = "The stored experiment to run.")
        String experiment;

        @ArgGroup(exclusive = true, multiplicity = "1")
        When when;

        @Option(names = "--zone", paramLabel = "ZONE", description = "IANA time zone, e.g. Europe/Paris (default UTC).")
        String zone;

        static final class When {
            @Option(names = "--cron", paramLabel = "EXPR", description = "Recurring: a Quartz cron expression.")
            String cron;

            @Option(names = "--at", paramLabel = "TIME", description = "Once: e.g. 2026-12-01T10:00:00+01:00.")
            String at;
        }

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("experiment", experiment);
            body.put(when.cron != null ? "cron" : "at", when.cron != null ? when.cron : when.at);
            if (zone != null) {
                body.put("timeZone", zone);
            }
            JsonNode s = calls.send("POST", "/api/v1/schedules", body);
            out.printf("schedule %s created: %s, %s%n", s.path("name").asText(), s.path("experiment").asText(),
                    describe(s));
            for (JsonNode next : s.path("nextFires")) {
                out.printf("  next fire %s (%s)%n", ApiCalls.shortTime(next.path("local").asText()),
                        ApiCalls.shortUtc(next.path("utc").asText()));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every schedule with its next fire (in its zone) and its last fire.",
            footer = {"", "Example:", "  firedrill schedule list --server http://orchestrator:8080"})
    static final class ListAll extends Action {
        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            JsonNode all = calls.send("GET", "/api/v1/schedules", null);
            if (all.isEmpty()) {
                out.println("no schedules; create one with `firedrill schedule create`");
                return;
            }
            TextTable table = new TextTable("NAME", "EXPERIMENT", "WHEN", "STATE", "NEXT FIRE", "LAST FIRE");
            for (JsonNode s : all) {
                JsonNode next = s.path("nextFires").path(0);
                JsonNode last = s.path("lastFire");
                table.row(s.path("name").asText(), s.path("experiment").asText(), describe(s),
                        s.path("paused").asBoolean() ? "paused" : "active",
                        next.isMissingNode() ? "-" : ApiCalls.shortTime(next.path("local").asText()),
                        last.isObject() ? last.path("outcome").asText() + " "
                                + ApiCalls.shortUtc(last.path("firedAt").asText()) : "-");
            }
            table.print(out);
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Stop a schedule from firing until it is resumed.",
            footer = {"", "Example:", "  firedrill schedule pause tuesday-blackout"})
    static final class Pause extends Action {
        @Parameters(paramLabel = "NAME", description = "The schedule.")
        String name;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            calls.send("POST", path(name, "/pause"), null);
            out.printf("schedule %s paused; it does not fire until `firedrill schedule resume %s`%n", name, name);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Let a paused schedule fire again; fire times that passed meanwhile are skipped.",
            footer = {"", "Example:", "  firedrill schedule resume tuesday-blackout"})
    static final class Resume extends Action {
        @Parameters(paramLabel = "NAME", description = "The schedule.")
        String name;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            JsonNode s = calls.send("POST", path(name, "/resume"), null);
            JsonNode next = s.path("nextFires").path(0);
            out.printf("schedule %s resumed; next fire %s%n", name,
                    next.isMissingNode() ? "none" : ApiCalls.shortTime(next.path("local").asText()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a schedule; the runs it started are kept.",
            footer = {"", "Example:", "  firedrill schedule delete tuesday-blackout"})
    static final class Delete extends Action {
        @Parameters(paramLabel = "NAME", description = "The schedule.")
        String name;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            calls.send("DELETE", path(name, ""), null);
            out.printf("schedule %s deleted%n", name);
        }
    }

    @Command(name = "fires", mixinStandardHelpOptions = true,
            description = "What each fire of a schedule did, newest first.",
            footer = {"", "Example:", "  firedrill schedule fires tuesday-blackout --limit 10"})
    static final class Fires extends Action {
        @Parameters(paramLabel = "NAME", description = "The schedule.")
        String name;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
                description = "At most this many. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Override
        void run(ApiCalls calls, PrintWriter out) throws ApiCalls.Failed, InterruptedException {
            JsonNode fires = calls.send("GET", path(name, "/fires?limit=" + limit), null);
            if (fires.isEmpty()) {
                out.printf("schedule %s has not fired yet%n", name);
                return;
            }
            TextTable table = new TextTable("FIRED (UTC)", "DUE (UTC)", "OUTCOME", "RUN OR REASON");
            for (JsonNode f : fires) {
                table.row(ApiCalls.shortUtc(f.path("firedAt").asText()), ApiCalls.shortUtc(f.path("scheduledFor")
                        .asText()), f.path("outcome").asText(), f.path("runId").isTextual()
                        ? f.path("runId").asText() : f.path("reason").asText());
            }
            table.print(out);
        }
    }

    /** "cron '0 0 10 ? * TUE' in Europe/Paris" or "once at 2026-12-01 10:00 +01:00". */
    static String describe(JsonNode s) {
        if (s.path("cron").isTextual()) {
            return "cron '" + s.path("cron").asText() + "' in " + s.path("timeZone").asText();
        }
        return "once at " + ApiCalls.shortIn(s.path("at").asText(), s.path("timeZone").asText()) + " ("
                + s.path("timeZone").asText() + ")";
    }
}
