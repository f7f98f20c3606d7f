package io.firedrill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code firedrill audit}: help with examples, and what a user sees when the orchestrator cannot be asked. */
class AuditCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"verify", "log", "proof"})
    void everyAuditCommandHasHelpWithExamples(String command) {
        FiredrillCliTest.Result r = FiredrillCliTest.run("audit", command, "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: firedrill audit " + command).contains("Examples:").contains("Exit status:");
    }

    @Test
    void theLauncherListsTheAuditCommand() {
        assertThat(FiredrillCliTest.run("--help").out()).contains("audit");
        assertThat(FiredrillCliTest.run("audit", "--help").out()).contains("verify", "log", "proof");
    }

    @Test
    void logWithoutAnOrchestratorSaysWhereItAskedAndExitsTwo() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }

        FiredrillCliTest.Result r = FiredrillCliTest.run("audit", "log", "--server", "http://127.0.0.1:" + port,
                "--token", "fdt_x");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("firedrill audit log: no orchestrator answers at http://127.0.0.1:" + port)
                .contains("name it with --server");
    }
}
