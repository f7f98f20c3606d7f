package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link Database} itself promises: migrations once, data kept across restarts. */
abstract class DatabaseContract extends StoreContract {

    @Test
    void appliesEachMigrationOnceAcrossReopens() throws SQLException {
        List<Map<String, Object>> before = appliedMigrations();

        reopen();
        reopen();

        // Every migration once, in order, with no gap: versions 1..n.
        assertThat(before).extracting(row -> row.get("version").toString())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, before.size()).mapToObj(Integer::toString).toList());
        assertThat(before.size()).as("migrations applied").isGreaterThanOrEqualTo(7);
        assertThat(appliedMigrations()).isEqualTo(before);
    }

    @Test
    void reopeningKeepsWhatWasStored() {
        StoredExperiment experiment = db.experiments().create("eu-blackout", "t", "yaml", "name: eu-blackout\n");
        String token = db.enrollments().issue("eu-west").token();
        AgentRecord agent = new AgentRecord("eu-west", "a-1", "0.1.0", List.of("latency"), AgentStatus.ONLINE,
                "connected", null, NOW_IN_MICROS, NOW_IN_MICROS, 5L, 1L);
        db.agents().save(agent);
        StoredEstate estate = db.estates().create("payments-prod", "yaml", "name: payments-prod\n");

        reopen();

        assertThat(db.experiments().find("eu-blackout")).contains(experiment);
        assertThat(db.enrollments().verify("eu-west", token)).isTrue();
        assertThat(db.agents().find("eu-west")).contains(agent);
        assertThat(db.estates().find("payments-prod")).contains(estate);
    }

    @Test
    void reportsTheDialectOfItsUrl() {
        assertThat(db.dialect()).isEqualTo(backend() == Backend.H2 ? DbDialect.H2 : DbDialect.POSTGRES);
    }

    @Test
    void closingTwiceIsHarmless() {
        db.close();
        db.close();
    }

    private List<Map<String, Object>> appliedMigrations() throws SQLException {
        // type SQL: Flyway 13 also writes marker rows (history table created) that are not migrations
        return query("SELECT \"version\", \"checksum\", \"installed_on\" FROM \"flyway_schema_history\""
                + " WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"");
    }
}
