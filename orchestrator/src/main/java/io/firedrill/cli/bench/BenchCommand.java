package io.firedrill.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code firedrill bench}: Firedrill's own performance, measured against its targets. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Measure Firedrill's own performance against its published targets.",
            "Each benchmark prints its figures next to a baseline measured in the same run, and PASS or FAIL "
                + "for each target. Exit status: 0 every target met, 1 a target missed, 2 bad usage or setup."},
        subcommands = {ProxyBenchCommand.class, FaultBenchCommand.class, EstateBenchCommand.class, CheckersBenchCommand.class,
            HaltBenchCommand.class},
        footer = {"", "Examples:",
            "  firedrill bench proxy",
            "  firedrill bench proxy --quick --json bench.json",
            "  firedrill bench faults",
            "  firedrill bench estate --db postgres",
            "  firedrill bench checkers",
            "  firedrill bench halt"})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("firedrill bench: name a benchmark, e.g. 'firedrill bench proxy' "
                + "(see 'firedrill bench --help')");
        spec.commandLine().getErr().flush();
        return 2;
    }
}
