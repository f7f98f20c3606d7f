package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RunStore} shows, whatever the database. */
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

        assertThat(db.runs().find("r-1")).contains(new RunRecord("r-1", "eu-blackout", "OBSERVE", null, T1, T2, null,
                null));
        assertThat(db.runs().find("r-2")).get().extracting(RunRecord::verdict).isEqualTo("UNKNOWN");
    }

    @Test
    void aRunKeepsWhoStartedIt() {
        db.runs().create("r-7", "region-blackout", "name: region-blackout\n", "PREFLIGHT", T1, "orch-1", "alice");

        assertThat(db.runs().find("r-7")).get().extracting(RunRecord::startedBy).isEqualTo("alice");
        assertThat(db.runs().list()).filteredOn(r -> r.id().equals("r-7")).extracting(RunRecord::startedBy)
                .containsExactly("alice");
    }

    @Test
    void aRunKeepsItsSourceAndEveryTransitionInOrder() {
        db.runs().create("r-9", "region-blackout", "name: region-blackout\n", "PREFLIGHT", T1);
        db.runs().transition("r-9", "STEADY_BEFORE", T1.plusSeconds(1), "agents online: eu-west, us-east", null, null);
        db.runs().transition("r-9", "ABORTED", T1.plusSeconds(2), "steady state did not hold", null,
                "probe eu-west-health: 2 of 3 attempts failed");

        assertThat(db.runs().find("r-9")).get().satisfies(r -> {
            assertThat(r.state()).isEqualTo("ABORTED");
            assertThat(r.cause()).isEqualTo("probe eu-west-health: 2 of 3 attempts failed");
            assertThat(r.createdAt()).isEqualTo(T1);
            assertThat(r.updatedAt()).isEqualTo(T1.plusSeconds(2));
        });
        assertThat(db.runs().source("r-9")).contains("name: region-blackout\n");
        assertThat(db.runs().transitions("r-9")).extracting(RunTransition::seq, RunTransition::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "PREFLIGHT"),
                        org.assertj.core.groups.Tuple.tuple(2, "STEADY_BEFORE"),
                        org.assertj.core.groups.Tuple.tuple(3, "ABORTED"));
    }

    @Test
    void aTransitionOfAnUnknownRunChangesNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.runs().transition("nope", "DONE", T1, "", "PASS", null))
                .hasMessageContaining("no run with id 'nope'");
        assertThat(db.runs().transitions("nope")).isEmpty();
    }

    private void insert(String id, Instant createdAt, String verdict) throws SQLException {
        update("INSERT INTO run (id, experiment, state, verdict, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, "eu-blackout", verdict == null ? "OBSERVE" : "DONE", verdict,
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), OffsetDateTime.ofInstant(T2, ZoneOffset.UTC));
    }
}
