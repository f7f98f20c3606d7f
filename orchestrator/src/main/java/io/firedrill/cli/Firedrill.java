package io.firedrill.cli;

import io.firedrill.build.BuildInfo;
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
            ValidateCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Examples:",
            "  firedrill demo                     start an orchestrator and an agent per region on the embedded database",
            "  firedrill server --port 8080 --enroll eu-west,us-east",
            "  firedrill agent --region eu-west --orchestrator ws://127.0.0.1:8080 --token-file data/tokens/eu-west.token",
            "  firedrill validate experiments/catalog/*.yaml"})
public final class Firedrill {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Firedrill());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"firedrill " + BuildInfo.version()};
        }
    }
}
