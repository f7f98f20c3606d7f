package io.firedrill.orchestrator.store;

import java.nio.file.Path;

/**
 * Where the orchestrator keeps its state.
 *
 * @param url      JDBC URL: {@code jdbc:h2:file:...} (embedded default) or {@code jdbc:postgresql://...}
 * @param user     user name (may be null for H2)
 * @param password password (may be null)
 */
public record DbConfig(String url, String user, String password) {

    /** The embedded default: an H2 file database under {@code dataDir}. */
    public static DbConfig h2(Path dataDir) {
        return new DbConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("firedrill"), "sa", "");
    }

    /**
     * From the environment (FIREDRILL_DB_URL, FIREDRILL_DB_USER, FIREDRILL_DB_PASSWORD), else the H2 default.
     * A flag given on the command line wins over both; that is the caller's business.
     */
    public static DbConfig fromEnvironment(Path dataDir) {
        String url = System.getenv("FIREDRILL_DB_URL");
        if (url == null || url.isBlank()) {
            return h2(dataDir);
        }
        return new DbConfig(url, System.getenv("FIREDRILL_DB_USER"), System.getenv("FIREDRILL_DB_PASSWORD"));
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, for logs. */
    public String display() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
