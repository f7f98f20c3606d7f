package io.firedrill.testing;

import io.firedrill.estate.pg.PostgresCluster;
import io.firedrill.orchestrator.store.DbConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * One PostgreSQL cluster for the whole test JVM, started on first use and stopped by its own
 * shutdown hook; every test gets a fresh database in it. Without the binaries the PostgreSQL tests
 * are skipped, or fail when {@value #REQUIRE_ENV}=1 (as in CI).
 */
public final class SharedPostgres {

    public static final String REQUIRE_ENV = "FIREDRILL_REQUIRE_POSTGRES";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster cluster;
    private static RuntimeException startFailure;

    private SharedPostgres() {}

    /**
     * A new, empty database in the shared cluster, named {@code <prefix>_<n>} ({@code prefix} a lower-case SQL
     * identifier), with the cluster's password-authenticated user. Skips or fails the calling test, as above, when
     * there is no cluster.
     */
    public static DbConfig freshDatabase(String prefix) {
        PostgresCluster shared = cluster();
        String url = shared.createDatabase(prefix + "_" + DATABASES.incrementAndGet());
        return new DbConfig(url, shared.user(), shared.password());
    }

    private static synchronized PostgresCluster cluster() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (cluster == null) {
            requireBinaries();
            try {
                // Files.createTempDirectory, not @TempDir: the postgres OS user must be able to reach it
                cluster = PostgresCluster.start(Files.createTempDirectory("firedrill-pg-"), PostgresCluster.FAST_UNSAFE);
            } catch (IOException | RuntimeException e) {
                startFailure = new IllegalStateException("cannot start the shared PostgreSQL cluster: " + e.getMessage(), e);
                throw startFailure;
            }
        }
        return cluster;
    }

    private static void requireBinaries() {
        if (PostgresCluster.available()) {
            return;
        }
        String reason = PostgresCluster.unavailableReason();
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            startFailure = new IllegalStateException(reason + "; " + REQUIRE_ENV + "=1 requires them");
            throw startFailure;
        }
        Assumptions.abort("PostgreSQL tests skipped: " + reason + "; set " + REQUIRE_ENV + "=1 to fail instead");
    }
}
