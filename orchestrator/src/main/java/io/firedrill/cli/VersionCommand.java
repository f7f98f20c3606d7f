package io.firedrill.cli;

import io.firedrill.build.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version",
        mixinStandardHelpOptions = true,
        description = "Print the version of Firedrill and of the Java runtime.",
        footer = {"", "Example:", "  firedrill version"})
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("firedrill %s (Java %s, %s)%n", BuildInfo.version(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
        return 0;
    }
}
