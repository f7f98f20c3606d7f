package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RunStore} shows, whatever the database. The store has no writes yet
 * (the run engine will own them), so the rows go in with plain SQL.
 */
abstract class RunStoreContract extends StoreContract {

    private static final Instant T1 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-01T09:30:00.000123Z");

    @Test
    void noRunsBeforeTheEngineRecordsAny() {
        assertThat(db.runs().list()).isEmpty();
        assertThat(db.runs().find("r-1")).isEmpty();
    }

    @Test
    void listIsNewestFirst() throws SQLException {
        insert("r-old", T1, null);
        insert("r-new", T2, "PASS");
        insert("r-mid", T1.plusSeconds(60), "FAIL");

        assertThat(db.runs().list()).extracting(RunRecord::id).containsExactly("r-new", "r-mid", "r-old");
    }

    @Test
    void runIsFoundByIdWithItsVerdictOrNone() throws SQLException {
        insert("r-1", T1, null);
        insert("r-2", T2, "UNKNOWN");

        assertThat(db.runs().find("r-1")).contains(new RunRecord("r-1", "eu-blackout", "OBSERVE", null, T1, T2));
        assertThat(db.runs().find("r-2")).get().extracting(RunRecord::verdict).isEqualTo("UNKNOWN");
    }

    private void insert(String id, Instant createdAt, String verdict) throws SQLException {
        update("INSERT INTO run (id, experiment, state, verdict, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, "eu-blackout", verdict == null ? "OBSERVE" : "DONE", verdict,
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), OffsetDateTime.ofInstant(T2, ZoneOffset.UTC));
    }
}
