package io.firedrill.estate.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directories of a cluster: created empty, handed to the postgres OS user, deleted at the end. */
final class Directories {

    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);
    /** Unix socket paths are limited to 107 bytes; the server adds "/.s.PGSQL.NNNNN". */
    private static final int MAX_SOCKET_DIR_LENGTH = 90;

    private Directories() {}

    /** Creates {@code dir} if needed; it must be empty. */
    static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new PostgresException(dir + " is not empty; a new cluster needs an empty directory");
                }
            }
            if (Commands.isRoot()) {
                requireSearchableByPostgres(dir);
                Commands.chownToPostgres(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new PostgresException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails early, and says how to fix it, when a parent directory keeps the postgres OS user out:
     * JUnit's {@code @TempDir} and {@code Files.createTempDirectory} are mode 700, for example.
     */
    private static void requireSearchableByPostgres(Path dir) throws IOException {
        for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
            boolean searchable = Files.getPosixFilePermissions(parent).contains(PosixFilePermission.OTHERS_EXECUTE)
                    || Commands.OS_USER.equals(Files.getOwner(parent).getName());
            if (!searchable) {
                throw new PostgresException("the '" + Commands.OS_USER + "' OS user cannot reach " + dir + ": "
                        + parent + " is mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))
                        + "; use a directory whose parents are searchable by others (e.g. an empty one made by "
                        + "Files.createTempDirectory), or chmod o+x " + parent);
            }
        }
    }

    /** Inside the cluster directory when the path is short enough for a Unix socket, else under /tmp. */
    static Path socketDirFor(Path dir) {
        try {
            Path inside = dir.resolve("sock");
            Path socketDir = inside.toString().length() <= MAX_SOCKET_DIR_LENGTH
                    ? Files.createDirectory(inside)
                    : Files.createTempDirectory(Path.of("/tmp"), "fdpg");
            if (Commands.isRoot()) {
                Commands.chownToPostgres(socketDir);
            }
            return socketDir;
        } catch (IOException e) {
            throw new PostgresException("cannot create a socket directory for " + dir + ": " + e.getMessage(), e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", root, e.getMessage());
        }
    }
}
