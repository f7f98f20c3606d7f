package io.firedrill.orchestrator.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DbConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted thread writing to H2 through the shield leaves the database open, as Quartz's shutdown needs. */
class InterruptShieldTest {
    @TempDir
    Path dir;
    private Database db;
    private final InterruptShield shield = new InterruptShield();

    @BeforeEach
    void open() {
        // WRITE_DELAY=0 makes H2 write on the committing thread itself, so the interrupted writer below touches the
        // file every time; with H2's background writer it does only when a checkpoint finds work, which is the same
        // hazard, only not reproducible on demand.
        DbConfig h2 = DbConfig.h2(dir);
        db = Database.open(new DbConfig(h2.url() + ";WRITE_DELAY=0", h2.user(), h2.password()));
    }

    @AfterEach
    void close() {
        shield.close();
        db.close();
    }

    /** Writes and forces them to the file from a thread that has been interrupted; returns its interrupt flag after. */
    private static boolean writeWhileInterrupted(Connector connector) throws Exception {
        FutureTask<Boolean> write = new FutureTask<>(() -> {
            Thread.currentThread().interrupt();
            try (Connection c = connector.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO halt (id, halted_at, halted_by, reason) VALUES ('x', CURRENT_TIMESTAMP, 'a', "
                        + "'b')");
                s.execute("CHECKPOINT");
            }
            return Thread.currentThread().isInterrupted();
        });
        Thread thread = new Thread(write, "interrupted-writer");
        thread.start();
        try {
            return write.get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void anInterruptedThreadWritesThroughTheShieldAndKeepsItsInterruptAndTheDatabaseStaysOpen() throws Exception {
        boolean stillInterrupted = writeWhileInterrupted(() -> shield.connection(db.dataSource()));

        assertThat(stillInterrupted).isTrue();
        assertThat(db.halts().history(10)).hasSize(1);
        db.experiments().create("after", "t", "yaml", "name: after\n");
        assertThat(db.experiments().find("after")).isPresent();
    }

    @Test
    void withoutTheShieldTheSameWriteClosesTheWholeDatabase() {
        assertThatThrownBy(() -> writeWhileInterrupted(() -> db.dataSource().getConnection()))
                .hasStackTraceContaining("ClosedByInterruptException");
        assertThatThrownBy(() -> db.experiments().list()).hasStackTraceContaining("The database has been closed");
    }

    @FunctionalInterface
    private interface Connector {
        Connection connect() throws Exception;
    }
}
