package io.firedrill.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firedrill commands run as real processes from the built distribution ({@code target/dist/lib}, made by
 * {@code mvn package}), as an operator runs them: {@code java -cp 'target/dist/lib/*' io.firedrill.cli.Firedrill
 * <command> ...}. Each process's stdout and stderr go to one log file in a work directory under {@code target/},
 * kept for debugging; {@link #close()} kills every process started here, frozen ones included.
 *
 * <pre>{@code
 * try (DistProcesses dist = DistProcesses.in("my-it")) {
 *     DistProcesses.Started server = dist.start("orchestrator", "server", "--port", "0");
 *     int port = server.awaitPort(Duration.ofSeconds(90));
 * }
 * }</pre>
 */
public final class DistProcesses implements AutoCloseable {
    /** The line {@code firedrill server} prints once its API is listening; group 1 is the port. */
    public static final Pattern LISTENING =
            Pattern.compile("Firedrill orchestrator listening on http://127\\.0\\.0\\.1:(\\d+)");

    private static final Path LIB = Path.of("target", "dist", "lib");
    /** Small heap, quick start: several of these run side by side on a CI machine. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DESTROY_TIMEOUT = Duration.ofSeconds(10);

    private final Path workDir;
    private final List<Started> started = new ArrayList<>();

    private DistProcesses(Path workDir) {
        this.workDir = workDir;
    }

    /** A new work directory {@code target/<name>/run-<millis>}; fails when the distribution has not been built. */
    public static DistProcesses in(String name) throws IOException {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException(LIB.toAbsolutePath() + " is missing: run 'mvn package' first");
        }
        return new DistProcesses(Files.createDirectories(
                Path.of("target", name, "run-" + System.currentTimeMillis())).toAbsolutePath());
    }

    /** Where the logs are, and a place for the processes' data directories and files. */
    public Path workDir() {
        return workDir;
    }

    /**
     * Starts {@code firedrill <args>} with stdout and stderr in {@code <workDir>/<name>.log}; the name must be new
     * within this work directory.
     */
    public synchronized Started start(String name, String... args) throws IOException {
        Path log = workDir.resolve(name + ".log");
        if (Files.exists(log)) {
            throw new IllegalArgumentException(log + " exists: give each process its own name");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of("-cp", LIB.toAbsolutePath() + File.separator + "*", "io.firedrill.cli.Firedrill"));
        cmd.addAll(List.of(args));
        // Run in the work directory, so default relative paths (data/...) land there and not in the module.
        Process process = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Started s = new Started(name, process, log);
        started.add(s);
        return s;
    }

    /** The file's text, or "" while it does not exist yet. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills every process started here (SIGKILL also ends a stopped one) and waits a bounded time for each. */
    @Override
    public synchronized void close() throws InterruptedException {
        for (Started s : started) {
            s.process().destroyForcibly();
        }
        for (Started s : started) {
            s.process().waitFor(DESTROY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One started process and its log. */
    public static final class Started {
        private final String name;
        private final Process process;
        private final Path log;

        private Started(String name, Process process, Path log) {
            this.name = name;
            this.process = process;
            this.log = log;
        }

        public Process process() {
            return process;
        }

        public Path log() {
            return log;
        }

        /** Everything the process has written to stdout and stderr so far. */
        public String output() {
            return read(log);
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits until the regex matches somewhere in the output, and returns the first match. */
        public MatchResult awaitLog(String regex, Duration within) {
            return awaitLog(Pattern.compile(regex), within);
        }

        /** Waits until the pattern matches somewhere in the output, and returns the first match. */
        public MatchResult awaitLog(Pattern pattern, Duration within) {
            AtomicReference<MatchResult> match = new AtomicReference<>();
            await(name + " logs /" + pattern + "/ (log: " + log + ")").atMost(within).pollInterval(POLL)
                    .until(() -> {
                        Matcher m = pattern.matcher(output());
                        if (!m.find()) {
                            return false;
                        }
                        match.set(m.toMatchResult());
                        return true;
                    });
            return match.get();
        }

        /** The port from the orchestrator's {@link #LISTENING} line, once it is there. */
        public int awaitPort(Duration within) {
            return Integer.parseInt(awaitLog(LISTENING, within).group(1));
        }

        /** Waits for the process to end and returns its exit code; fails with its output when it does not. */
        public int awaitExit(Duration within) throws InterruptedException {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still running after " + within.toSeconds() + " s; output:\n" + output());
            }
            return process.exitValue();
        }

        /** {@code kill -<signal> <pid>}: STOP freezes the process, CONT thaws it, TERM asks it to stop. */
        public void signal(String signal) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill.destroyForcibly();
                throw new AssertionError("kill -" + signal + " " + process.pid() + " did not finish");
            }
            if (kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + process.pid() + " exited " + kill.exitValue());
            }
        }

        @Override
        public String toString() {
            return name + " (pid " + process.pid() + ")";
        }
    }
}
