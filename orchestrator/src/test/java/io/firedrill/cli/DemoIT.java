package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.testing.DistProcesses;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firedrill demo --no-serve} from the built distribution, as a user runs it: a real process that runs the
 * catalog's game day against the H2 estate and prints every verdict.
 */
class DemoIT {
    private DistProcesses dist;
    private int runs;

    @BeforeEach
    void workDir() throws IOException {
        dist = DistProcesses.in("demo-it");
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        dist.close();
    }

    @Test
    void demoRunsTheGameDayAndARestartKeepsItsState(@TempDir Path dataDir) throws Exception {
        String first = runDemo(dataDir);
        assertThat(first).containsPattern("region-blackout\\s+rto\\s+20\\.000 s\\s+\\S+ s ± \\S+ s\\s+PASS")
                .containsPattern("replication-lag\\s+rpo\\s+0\\.500 s\\s+\\S+ s ± \\S+ s\\s+FAIL")
                .containsPattern("link-partition\\s+rpo\\s+0\\.000 s\\s+\\S+ s ± \\S+ s\\s+PASS")
                .doesNotContain("ABORTED");
        assertThat(first).contains("agents online with a clock measurement: 2/2")
                .contains("catalog: 3 experiment(s) stored")
                .containsPattern("eu-west\\s+ONLINE\\s+[+-]\\d+\\.\\d{3} ms ± \\d+\\.\\d{3}")
                .containsPattern("us-east\\s+ONLINE\\s+[+-]\\d+\\.\\d{3} ms ± \\d+\\.\\d{3}")
                .contains("(log in with the admin token in " + dataDir.resolve("tokens/users/admin.token") + ")")
                .contains("/api/v1/agents")
                .contains("estate up: front door http://127.0.0.1:18080")
                .contains("/router/status");
        assertThat(dataDir.resolve("tokens").resolve("eu-west.token")).isRegularFile();
        assertThat(dataDir.resolve("tokens/users/admin.token")).isRegularFile();

        String second = runDemo(dataDir, "--no-runs");
        assertThat(second).contains("catalog: 0 experiment(s) stored, 3 in the catalog")
                .contains("agents online with a clock measurement: 2/2");
    }

    @Test
    void theSameGameDayRunsAgainstThePostgresEstate() throws Exception {
        // Not a @TempDir: that is mode 700, and the postgres OS user must pass through it to the clusters.
        Path dataDir = dist.workDir().resolve("demo-postgres");
        if (!"1".equals(System.getenv("FIREDRILL_REQUIRE_POSTGRES"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(io.firedrill.estate.pg.PostgresCluster.available(),
                    "PostgreSQL server binaries not installed");
        }
        String out = runDemo(dataDir, "--db", "postgres");
        assertThat(out).contains("starting the reference estate on postgres")
                .containsPattern("region-blackout\\s+rto\\s+20\\.000 s\\s+\\S+ s ± \\S+ s\\s+PASS")
                .containsPattern("replication-lag\\s+rpo\\s+0\\.500 s\\s+\\S+ s ± \\S+ s\\s+FAIL")
                .containsPattern("link-partition\\s+rpo\\s+0\\.000 s\\s+\\S+ s ± \\S+ s\\s+PASS")
                .doesNotContain("ABORTED");
    }

    private String runDemo(Path dataDir, String... extra) throws IOException, InterruptedException {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "demo", "--no-serve", "--port", "0", "--data-dir", dataDir.toString()));
        args.addAll(java.util.List.of(extra));
        DistProcesses.Started demo = dist.start("demo-" + ++runs, args.toArray(String[]::new));
        int exit = demo.awaitExit(Duration.ofSeconds(300));
        String out = demo.output();
        assertThat(exit).as(out).isZero();
        return out;
    }
}
