package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening fails with one line that names the URL and the cause, not a page of stack. */
class DatabaseOpenErrorsTest {

    @Test
    void unsupportedUrlIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> Database.open(new DbConfig("jdbc:mysql://localhost/fd", "u", "p")))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("unsupported database URL 'jdbc:mysql://localhost/fd': expected jdbc:h2:file:<path>, "
                        + "jdbc:h2:mem:<name> or jdbc:postgresql://<host>:<port>/<database>");
    }

    @Test
    void mistypedH2UrlIsRefusedInsteadOfCreatingAStrayDatabase(@TempDir Path dir) {
        String url = "jdbc:h2:flie:" + dir.resolve("firedrill");

        assertThatThrownBy(() -> Database.open(new DbConfig(url, "sa", "")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("unsupported database URL '" + url + "'");
    }

    @Test
    void unusableH2PathNamesTheUrlAndWhatH2Said(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        DbConfig config = DbConfig.h2(notADirectory);

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot open database " + config.url() + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void inMemoryH2WorksForThrowAwayUse() {
        try (Database db = Database.open(new DbConfig("jdbc:h2:mem:errors-test", "sa", ""))) {
            db.experiments().create("e", "t", "yaml", "name: e\n");
            assertThat(db.experiments().list()).hasSize(1);
        }
    }

    @Test
    void unreachablePostgresNamesTheUrlAndTheRefusal() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/firedrill";

        assertThatThrownBy(() -> Database.open(new DbConfig(url + "?password=secret", "firedrill", "secret")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot open database " + url + ": Connection to 127.0.0.1:")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void errorMessageIsShortEnoughForATerminal() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/firedrill";

        assertThatThrownBy(() -> Database.open(new DbConfig(url, "firedrill", "x")))
                .satisfies(error -> assertThat(error.getMessage()).hasSizeLessThan(400));
    }

    /** A port nobody listens on: bound, noted, released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
