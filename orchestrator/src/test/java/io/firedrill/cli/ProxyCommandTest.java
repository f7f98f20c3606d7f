package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from {@code firedrill proxy} when it cannot start: one line naming the cause. */
class ProxyCommandTest {

    @Test
    void helpShowsTheDefaultsAndExamples() {
        FiredrillCliTest.Result r = FiredrillCliTest.run("proxy", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: firedrill proxy", "--port", "Default: 8474", "--host", "Default: 127.0.0.1",
                "--config", "Examples:", "firedrill proxy --port 8475 --config proxies.json");
    }

    @Test
    void anApiPortInUseIsOneLineAndExitOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            FiredrillCliTest.Result r = FiredrillCliTest.run("proxy", "--port", String.valueOf(port));

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("firedrill proxy: cannot listen on 127.0.0.1:" + port
                    + ": address already in use; choose another --port" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aMissingConfigFileIsAUsageError(@TempDir Path dir) {
        FiredrillCliTest.Result r = FiredrillCliTest.run("proxy", "--port", "0", "--config", dir.resolve("none.json").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--config: cannot read '" + dir.resolve("none.json")
                + "' (no such file); expected a JSON array of proxies").doesNotContain("\tat ");
    }

    @Test
    void aBadConfigFileNamesTheFileAndTheEntryAndExitsOne(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("proxies.json"), "[{\"name\": \"db\"}]");

        FiredrillCliTest.Result r = FiredrillCliTest.run("proxy", "--port", "0", "--config", file.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("firedrill proxy: --config " + file + ": missing required field: upstream at proxy 1"
                + System.lineSeparator());
    }
}
