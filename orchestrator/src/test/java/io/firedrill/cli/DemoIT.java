package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code firedrill demo --no-serve} from the built distribution, as a user runs it: a real process. */
class DemoIT {
    private static final Path LIB = Path.of("target", "dist", "lib");

    @Test
    void demoBringsEveryRegionOnlineAndARestartKeepsItsState(@TempDir Path dataDir) throws Exception {
        String first = runDemo(dataDir);
        assertThat(first).contains("agents online with a clock measurement: 2/2")
                .contains("catalog: 3 experiment(s) stored")
                .containsPattern("eu-west\\s+ONLINE\\s+[+-]\\d+\\.\\d{3} ms ± \\d+\\.\\d{3}")
                .containsPattern("us-east\\s+ONLINE\\s+[+-]\\d+\\.\\d{3} ms ± \\d+\\.\\d{3}")
                .contains("/api/v1/health");
        assertThat(dataDir.resolve("tokens").resolve("eu-west.token")).isRegularFile();

        String second = runDemo(dataDir);
        assertThat(second).contains("catalog: 0 experiment(s) stored, 3 in the catalog")
                .contains("agents online with a clock measurement: 2/2");
    }

    private static String runDemo(Path dataDir) throws IOException, InterruptedException {
        Path log = Files.createTempFile(Path.of("target"), "demo-", ".log");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-cp", LIB.toAbsolutePath() + File.separator + "*",
                "io.firedrill.cli.Firedrill", "demo", "--no-serve", "--port", "0", "--data-dir", dataDir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            String out = Files.readString(log);
            assertThat(exited).as("demo still running after 120 s:\n" + out).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
