package io.firedrill.orchestrator.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every store contract needs: a fresh database per test, opened with a fixed clock, and plain
 * JDBC to look at the tables behind the stores' backs. Subclasses name the {@link Backend}.
 */
abstract class StoreContract {

    /** Nanoseconds on purpose: the stores keep microseconds, as both databases do. */
    static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456789Z");
    static final Instant NOW_IN_MICROS = NOW.truncatedTo(ChronoUnit.MICROS);

    @TempDir
    Path tempDir;

    DbConfig config;
    Database db;

    abstract Backend backend();

    @BeforeEach
    final void openFreshDatabase() {
        config = backend().freshDatabase(tempDir);
        db = Database.open(config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    final void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** Closes and opens the same database again, as an orchestrator restart does. */
    Database reopen() {
        return reopen(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The same, with another clock: how a test lets time pass between two writes. */
    Database reopen(Clock clock) {
        db.close();
        db = Database.open(config, clock);
        return db;
    }

    /** Rows as maps keyed by lower-case column label (H2 reports upper case, PostgreSQL lower). */
    List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
