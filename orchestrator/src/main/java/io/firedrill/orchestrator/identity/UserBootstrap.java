package io.firedrill.orchestrator.identity;

import io.firedrill.orchestrator.agents.EnrollmentBootstrap;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.IssuedToken;
import io.firedrill.orchestrator.store.Role;
import io.firedrill.orchestrator.store.UserStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start of an orchestrator on an empty database creates the user {@value #ADMIN} with role admin and writes
 * its API token to {@code <tokenDir>/users/admin.token} (600), so someone can log in and create everyone else.
 * Blocking: call at start-up.
 */
public final class UserBootstrap {
    public static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);

    private UserBootstrap() {}

    /** Where the first admin's token is written. */
    public static Path adminTokenFile(Path tokenDir) {
        return tokenDir.resolve("users").resolve(ADMIN + ".token");
    }

    /** Creates the admin when nobody exists yet; returns the token file written, if any. */
    public static Optional<Path> ensureAdmin(UserStore users, Path tokenDir) throws IOException {
        if (users.any()) {
            return Optional.empty();
        }
        try {
            users.create(ADMIN, Role.ADMIN, "first start");
        } catch (DuplicateException raced) {
            return Optional.empty(); // another orchestrator on the same database made it first and holds its token
        }
        IssuedToken token = users.issue(ADMIN);
        Path file = adminTokenFile(tokenDir);
        EnrollmentBootstrap.createPrivateDirectory(file.getParent());
        EnrollmentBootstrap.writePrivate(file, token.token());
        LOG.info("first start: created user {} (role admin); its API token is in {}", ADMIN, file.toAbsolutePath());
        return Optional.of(file);
    }
}
