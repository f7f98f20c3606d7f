package io.firedrill.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The API token a first start of an orchestrator wrote for its admin, for tests that call the API over HTTP. */
public final class AdminToken {
    private AdminToken() {}

    /** The token of the orchestrator whose data directory is {@code dataDir} (default token directory). */
    public static String of(Path dataDir) {
        Path file = dataDir.resolve("tokens").resolve("users").resolve("admin.token");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no admin token at " + file + " (has the orchestrator started?)", e);
        }
    }

    /** The value of an Authorization header carrying it. */
    public static String bearer(Path dataDir) {
        return "Bearer " + of(dataDir);
    }
}
