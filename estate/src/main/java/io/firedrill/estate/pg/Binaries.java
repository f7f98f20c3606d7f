package io.firedrill.estate.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the PostgreSQL server binaries. */
final class Binaries {

    /** Every tool the cluster helper calls; a directory missing one of them is of no use. */
    static final List<String> REQUIRED = List.of("initdb", "postgres", "pg_ctl", "pg_isready", "psql");

    /** Names the binaries' directory outright (a build in /usr/local, another version); nothing else is tried. */
    static final String BINDIR_ENV = "FIREDRILL_PG_BINDIR";

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private Binaries() {}

    /**
     * {@value #BINDIR_ENV} when set; else {@code pg_config --bindir}, which may name a client-only
     * directory (libpq-dev without the server), hence the fallback to Debian's
     * {@code /usr/lib/postgresql/<version>/bin}, newest first.
     */
    static Optional<Path> find() {
        String override = System.getenv(BINDIR_ENV);
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Binaries::complete);
        }
        return fromPgConfig().filter(Binaries::complete).or(Binaries::fromDebianLayout);
    }

    /** Says what was looked at, for the error when nothing is found. */
    static String notFoundMessage() {
        String override = System.getenv(BINDIR_ENV);
        if (override != null && !override.isBlank()) {
            return "PostgreSQL server binaries (" + String.join(", ", REQUIRED) + ") not found in " + override
                    + ", named by " + BINDIR_ENV;
        }
        return "PostgreSQL server binaries (" + String.join(", ", REQUIRED) + ") not found: 'pg_config --bindir' gave "
                + fromPgConfig().map(Path::toString).orElse("nothing") + " and " + DEBIAN_ROOT
                + "/*/bin has none; install them, e.g. apt-get install -y postgresql-15";
    }

    private static Optional<Path> fromPgConfig() {
        try {
            Commands.Result result = Commands.exec(List.of("pg_config", "--bindir"), Duration.ofSeconds(10));
            return result.ok() && !result.output().isBlank()
                    ? Optional.of(Path.of(result.output().strip()))
                    : Optional.empty();
        } catch (PostgresException e) {
            return Optional.empty(); // pg_config is not installed
        }
    }

    private static Optional<Path> fromDebianLayout() {
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions
                    .map(version -> version.resolve("bin"))
                    .filter(Binaries::complete)
                    .max(Comparator.comparing(Binaries::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean complete(Path binDir) {
        return REQUIRED.stream().allMatch(tool -> Files.isExecutable(binDir.resolve(tool)));
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
