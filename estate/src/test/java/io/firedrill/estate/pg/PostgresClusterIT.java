package io.firedrill.estate.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts one real cluster for the class; skipped (or failed under FIREDRILL_REQUIRE_POSTGRES=1) without binaries. */
class PostgresClusterIT {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startCluster() {
        boolean required = "1".equals(System.getenv("FIREDRILL_REQUIRE_POSTGRES"));
        if (!required) {
            assumeTrue(PostgresCluster.available(), "PostgreSQL server binaries not installed");
        }
        cluster = PostgresCluster.start(newEmptyDir(), PostgresCluster.FAST_UNSAFE);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void acceptsTheUserWithItsPasswordOverTcp() throws SQLException {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), cluster.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_user, current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(PostgresCluster.USER);
            assertThat(rs.getString(2)).isEqualTo(PostgresCluster.DATABASE);
        }
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), cluster.user(), "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void createsFurtherDatabasesOwnedByTheUser() throws SQLException {
        String url = cluster.createDatabase("second");
        try (Connection connection = DriverManager.getConnection(url, cluster.user(), cluster.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
        assertThat(cluster.sql("SELECT datname FROM pg_database WHERE datname = 'second'")).isEqualTo("second");
    }

    @Test
    void rejectsADatabaseNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> cluster.createDatabase("x; DROP ROLE firedrill"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain identifier");
    }

    @Test
    void runsToolsAsThePostgresUser() {
        String version = PostgresCluster.runAsPostgres(List.of(cluster.bin("postgres").toString(), "--version"));
        assertThat(version).startsWith("postgres (PostgreSQL)");
    }

    @Test
    void closeStopsTheServerAndDeletesItsDirectory() {
        Path dir = newEmptyDir();
        PostgresCluster shortLived = PostgresCluster.start(dir, PostgresCluster.FAST_UNSAFE);
        int port = shortLived.port();
        shortLived.close();
        shortLived.close(); // idempotent
        assertThat(Files.exists(dir)).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/firedrill", "firedrill", "x").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void refusesANonEmptyDirectory(@TempDir Path tempDir) throws Exception {
        Files.writeString(tempDir.resolve("something"), "x");
        assertThatThrownBy(() -> PostgresCluster.start(tempDir))
                .isInstanceOf(PostgresException.class)
                .hasMessageContaining("is not empty");
    }

    @Test
    void explainsWhenThePostgresUserCannotReachTheDirectory(@TempDir Path tempDir) {
        assumeTrue(Commands.isRoot(), "only root hands the directory to the postgres OS user");
        assertThatThrownBy(() -> PostgresCluster.start(tempDir.resolve("pg")))
                .isInstanceOf(PostgresException.class)
                .hasMessageContaining("cannot reach " + tempDir.resolve("pg"))
                .hasMessageContaining("chmod o+x " + tempDir);
    }

    /** JUnit's @TempDir is mode 700, out of the postgres OS user's reach; a fresh temp dir itself is handed over. */
    private static Path newEmptyDir() {
        try {
            return Files.createTempDirectory("firedrill-pg-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
