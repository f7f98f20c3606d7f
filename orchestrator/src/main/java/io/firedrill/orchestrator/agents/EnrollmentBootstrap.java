package io.firedrill.orchestrator.agents;

import io.firedrill.orchestrator.store.Enrollment;
import io.firedrill.orchestrator.store.EnrollmentStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure each named region has a token file an agent can be started with ({@code firedrill server
 * --enroll eu-west,us-east}). Blocking: call at start-up, before the event loops serve anything.
 */
public final class EnrollmentBootstrap {
    private static final Logger log = LoggerFactory.getLogger(EnrollmentBootstrap.class);

    private EnrollmentBootstrap() {}

    /** What was done for one region. */
    public enum Action {
        /** A file and an enrollment were there already: left alone. */
        KEPT,
        /** A new token was issued and written to the file. */
        ISSUED
    }

    /** @param file the region's token file */
    public record Result(String region, Action action, Path file) {}

    /**
     * For each region: if {@code <tokenDir>/<region>.token} exists and the region is enrolled, leaves both
     * alone; otherwise issues a new token (replacing any old enrollment, whose token nobody has any more) and
     * writes it there, readable by the owner only (600).
     */
    public static List<Result> ensureTokens(EnrollmentStore enrollments, List<String> regions, Path tokenDir)
            throws IOException {
        for (String region : regions) {
            if (!RegionNames.isValid(region)) {
                throw new IllegalArgumentException(RegionNames.problem("enroll", region));
            }
        }
        if (regions.isEmpty()) {
            return List.of();
        }
        createPrivateDirectory(tokenDir);
        Set<String> enrolled = enrollments.list().stream().map(Enrollment::region).collect(Collectors.toSet());
        List<Result> results = new ArrayList<>();
        for (String region : regions.stream().distinct().toList()) {
            Path file = tokenFile(tokenDir, region);
            if (Files.exists(file) && enrolled.contains(region)) {
                results.add(new Result(region, Action.KEPT, file));
                continue;
            }
            writePrivate(file, enrollments.issue(region).token());
            log.info("enrolled region {}: token written to {}", region, file.toAbsolutePath());
            results.add(new Result(region, Action.ISSUED, file));
        }
        return results;
    }

    /** Where a region's token file lives: {@code <tokenDir>/<region>.token}. */
    public static Path tokenFile(Path tokenDir, String region) {
        return tokenDir.resolve(region + ".token");
    }

    /** Creates {@code dir} (and its parents) readable by the owner only (700), unless it exists. */
    public static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /**
     * Writes {@code token} to {@code file}, readable by the owner only (600): written to a private temporary file and
     * moved into place, so the token is never readable by others.
     */
    public static void writePrivate(Path file, String token) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + tmp, e);
        }
        Files.writeString(tmp, token + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
