package io.firedrill.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;

/** The estate process as {@code up --detach} and {@code down} see it: its state file and its pid. */
final class EstateProcesses {
    private EstateProcesses() {}

    /** The state file a serving estate wrote in {@code dir}, if any. */
    static Optional<JsonObject> state(Path dir) {
        Path file = dir.resolve(EstateUpCommand.STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JsonObject(Files.readString(file)));
        } catch (IOException | DecodeException e) {
            return Optional.empty();
        }
    }

    /** The pid of the estate serving from {@code dir}, when that process is still alive. */
    static Optional<Long> running(Path dir) {
        return state(dir).map(s -> s.getLong("pid")).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                .orElse(false));
    }

    /**
     * Starts {@code estate up} again without --detach, in its own session with its output in DIR/estate.log,
     * and returns once it wrote its state file (0), or when it died or timed out (1, with the log's tail).
     */
    static int detach(CommandSpec spec, Path dir, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve(EstateUpCommand.LOG_FILE);
        Files.deleteIfExists(dir.resolve(EstateUpCommand.STATE_FILE));
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid"); // its own session: a Ctrl-C or a closed terminal does not reach it
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Firedrill.class.getName(), "estate", "up"));
        command.addAll(childArguments(spec, dir));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(out);
        progress.step("estate starting in the background (pid " + child.pid() + "), log " + log);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Optional<JsonObject> state = state(dir);
            if (state.isPresent()) {
                printState(out, state.get());
                out.printf("%nStop it with: firedrill estate down --dir %s%n", dir);
                out.flush();
                return 0;
            }
            if (!child.isAlive()) {
                spec.commandLine().getErr().printf("firedrill estate up: the estate exited with %d before it served:%n%s%n",
                        child.exitValue(), tail(log, 15));
                spec.commandLine().getErr().flush();
                return 1;
            }
            if (System.nanoTime() > deadline) {
                child.destroy();
                spec.commandLine().getErr().printf("firedrill estate up: the estate did not serve within %d s; "
                        + "stopped it. Log:%n%s%n", timeout.toSeconds(), tail(log, 15));
                return 1;
            }
            if (System.nanoTime() > nextReport) {
                progress.step("still starting ...");
                nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            child.waitFor(100, TimeUnit.MILLISECONDS);
        }
    }

    static void printState(PrintWriter out, JsonObject state) {
        out.printf("%nReference estate (%s) is up, pid %d. Topology: %s%n%n", state.getString("db"),
                state.getLong("pid"), state.getString("estateFile"));
        state.getJsonObject("endpoints", new JsonObject())
                .forEach(e -> out.printf("  %-38s %s%n", e.getKey(), e.getValue()));
        state.getJsonObject("linkApis", new JsonObject())
                .forEach(e -> out.printf("  %-38s %s%n", "Toxiproxy API, " + e.getKey() + " links", e.getValue()));
        EstateUpCommand.URIs.printExamples(out, state.getString("frontDoor"));
    }

    private static List<String> childArguments(CommandSpec spec, Path dir) {
        EstateUpCommand up = (EstateUpCommand) spec.userObject();
        return List.of("--db", up.db, "--ports", up.ports, "--dir", dir.toAbsolutePath().toString(),
                "--links", up.links, "--policy", up.policy, "--fencing", up.fencing,
                "--health-interval", up.healthInterval.toMillis() + "ms",
                "--failure-threshold", Integer.toString(up.failureThreshold),
                "--dns-ttl", up.dnsTtl.toMillis() + "ms");
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
