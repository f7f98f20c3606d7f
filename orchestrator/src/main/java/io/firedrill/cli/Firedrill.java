package io.firedrill.cli;

import io.firedrill.build.BuildInfo;
import io.firedrill.orchestrator.server.ListenException;
import io.firedrill.orchestrator.store.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code firedrill} launcher: one entry point for every process and tool. */
@Command(name = "firedrill",
        mixinStandardHelpOptions = true,
        versionProvider = Firedrill.Version.class,
        description = "Game days that prove multi-region failover: inject faults, measure RTO and RPO, judge them.",
        subcommands = {
            DemoCommand.class,
            ServerCommand.class,
            AgentCommand.class,
            EstateCommand.class,
            ProxyCommand.class,
            RunCommand.class,
            HaltCommand.class,
            AuditCommand.class,
            ScheduleCommand.class,
            FreezeCommand.class,
            GameDayCommand.class,
            StepCommand.class,
            ReportCommand.class,
            SignoffCommand.class,
            ValidateCommand.class,
            VersionCommand.class,
            io.firedrill.cli.bench.BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Examples:",
            "  firedrill demo",
            "  firedrill server --port 8080 --enroll eu-west,us-east",
            "  firedrill agent --region eu-west --orchestrator ws://127.0.0.1:8080 \\",
            "      --token-file data/tokens/eu-west.token",
            "  firedrill estate up --db postgres --detach",
            "  firedrill run experiments/catalog/region-blackout.yaml",
            "  firedrill schedule create weekly --experiment region-blackout \\",
            "      --cron '0 0 10 ? * TUE' --zone Europe/Paris",
            "  firedrill gameday run q4-drill --experiment region-blackout",
            "  firedrill step complete r-mx3k2-1 trigger-failover",
            "  firedrill validate experiments/catalog/*.yaml",
            "", "Every command takes --help."})
public final class Firedrill {
    private static final Logger LOG = LoggerFactory.getLogger(Firedrill.class);

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Firedrill());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        cli.setExecutionExceptionHandler(Firedrill::reportFailure);
        return cli;
    }

    /**
     * Failures the operator can act on (the database cannot be opened, the port is taken) are one line on stderr
     * and exit 1; the stack trace is logged at DEBUG only. Anything else is a bug and keeps picocli's full trace.
     */
    static int reportFailure(Exception error, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
        String message = oneLineMessage(error);
        if (message == null) {
            throw error;
        }
        LOG.debug("{} failed", cli.getCommandName(), error);
        cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + message);
        cli.getErr().flush();
        return cli.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String oneLineMessage(Exception error) {
        if (error instanceof DatabaseException || error instanceof CliFailure) {
            return error.getMessage();
        }
        if (error instanceof ListenException listen) {
            return listen.getMessage() + (listen.addressInUse() ? "; choose another --port" : "");
        }
        return null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"firedrill " + BuildInfo.version()};
        }
    }
}
