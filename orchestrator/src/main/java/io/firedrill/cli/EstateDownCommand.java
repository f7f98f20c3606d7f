package io.firedrill.cli;

import io.firedrill.estate.ReferenceEstate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "down",
        mixinStandardHelpOptions = true,
        description = {"Stop the estate serving from DIR and remove what it created: its databases (PostgreSQL servers "
                + "left behind by a killed estate are stopped too), topology, state and log. Running it when nothing "
                + "runs is not an error."})
final class EstateDownCommand implements Callable<Integer> {
    private static final long STOP_SECONDS = 60;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "data/estate", paramLabel = "DIR",
            description = "The directory given to `estate up`. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Long> pid = EstateProcesses.running(dir);
        if (pid.isPresent()) {
            ProcessHandle process = ProcessHandle.of(pid.get()).orElseThrow();
            out.printf("stopping the estate (pid %d) ...%n", pid.get());
            out.flush();
            process.destroy();
            try {
                process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                out.printf("it did not stop within %d s; killing it%n", STOP_SECONDS);
                process.destroyForcibly();
                process.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        boolean anything = pid.isPresent() || Files.exists(dir.resolve(EstateUpCommand.STATE_FILE))
                || Files.exists(dir.resolve("data"));
        ReferenceEstate.removeLeftovers(dir.resolve("data"));
        for (String file : new String[] {EstateUpCommand.STATE_FILE, EstateUpCommand.TOPOLOGY_FILE,
                EstateUpCommand.LOG_FILE}) {
            Files.deleteIfExists(dir.resolve(file));
        }
        deleteIfEmpty(dir);
        out.println(anything ? "estate stopped; removed its files under " + dir
                : "no estate in " + dir + "; nothing to stop");
        out.flush();
        return 0;
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }
}
