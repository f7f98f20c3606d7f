package io.firedrill.estate.pg;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs PostgreSQL's command-line tools, as the {@code postgres} OS user when we are root. */
final class Commands {

    /** The OS user that owns clusters when we run as root: initdb and postgres refuse to run as root. */
    static final String OS_USER = "postgres";

    /** What a finished command gave back. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Commands() {}

    static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@code command}, prefixed with {@code runuser -u postgres --} when we are root. */
    static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return List.copyOf(command);
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", OS_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs to completion within {@code timeout}; the output is stdout and stderr interleaved. */
    static Result exec(List<String> command, Duration timeout) {
        return exec(command, null, timeout);
    }

    /**
     * Runs in {@code workDir} (null: ours). Tools run as the postgres user need a working directory
     * that user may enter; initdb refuses to start otherwise.
     */
    static Result exec(List<String> command, Path workDir, Duration timeout) {
        Path out = null;
        try {
            out = Files.createTempFile("firedrill-pg-cmd", ".out");
            Process process = new ProcessBuilder(command)
                    .directory(workDir == null ? null : workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PostgresException(describe(command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new PostgresException("cannot run " + describe(command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresException("interrupted while running " + describe(command), e);
        } finally {
            deleteQuietly(out);
        }
    }

    /** Like {@link #exec} but a non-zero exit is an error that quotes the command's output. */
    static String run(List<String> command, Path workDir, Duration timeout) {
        Result result = exec(command, workDir, timeout);
        if (!result.ok()) {
            throw new PostgresException(describe(command) + " failed (exit " + result.exitCode() + "): "
                    + lastLines(result.output(), 10));
        }
        return result.output();
    }

    /** Hands {@code dir} to the postgres OS user, so initdb and the server may write there. */
    static void chownToPostgres(Path dir) {
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(lookup.lookupPrincipalByName(OS_USER));
            view.setGroup(lookup.lookupPrincipalByGroupName(OS_USER));
        } catch (IOException e) {
            throw new PostgresException("cannot hand " + dir + " to OS user '" + OS_USER
                    + "' (does the user exist? it comes with the postgresql package): " + e.getMessage(), e);
        }
    }

    static String describe(List<String> command) {
        return "'" + String.join(" ", command) + "'";
    }

    static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
