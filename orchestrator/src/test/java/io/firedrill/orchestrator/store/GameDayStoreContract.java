package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link GameDayStore} and {@link RunbookStore} shows, whatever the database. */
abstract class GameDayStoreContract extends StoreContract {
    private static final List<GameDay.Participant> PEOPLE = List.of(new GameDay.Participant("carol", "facilitator"),
            new GameDay.Participant("alice", "on-call"), new GameDay.Participant("bob", "observer"));

    @Test
    void aGameDayKeepsItsExperimentsAndParticipantsInOrderAcrossARestart() {
        GameDay created = db.gameDays().create("q4-drill", "regional-failover",
                List.of("region-blackout", "replication-lag"), PEOPLE, "admin");

        assertThat(created.createdAt()).isEqualTo(NOW_IN_MICROS);
        GameDay found = reopen().gameDays().find("q4-drill").orElseThrow();
        assertThat(found).isEqualTo(created);
        assertThat(found.experiments()).containsExactly("region-blackout", "replication-lag");
        assertThat(found.participants()).containsExactlyElementsOf(PEOPLE);
        assertThat(found.roleOf("alice")).contains("on-call");
        assertThat(found.roleOf("dave")).isEmpty();
        assertThat(found.createdBy()).isEqualTo("admin");
    }

    @Test
    void aTakenNameIsRefusedAndNothingOfTheSecondGameDayIsStored() throws Exception {
        db.gameDays().create("q4-drill", "regional-failover", List.of("region-blackout"), PEOPLE, "admin");

        assertThatThrownBy(() -> db.gameDays().create("q4-drill", "partition-triage", List.of("link-partition"),
                List.of(new GameDay.Participant("dave", "approver")), "alice")).isInstanceOf(DuplicateException.class)
                .hasMessage("a game day named 'q4-drill' exists already");
        assertThat(db.gameDays().find("q4-drill").orElseThrow().participants()).containsExactlyElementsOf(PEOPLE);
        assertThat(query("SELECT user_name FROM game_day_participant WHERE user_name = 'dave'")).isEmpty();
    }

    @Test
    void gameDaysAreListedByNameFoundByRunbookAndDeletedWithTheirParticipants() throws Exception {
        db.gameDays().create("b-drill", "regional-failover", List.of("region-blackout"), PEOPLE, "admin");
        db.gameDays().create("a-drill", "partition-triage", List.of("link-partition"), PEOPLE, "admin");

        assertThat(db.gameDays().list()).extracting(GameDay::name).containsExactly("a-drill", "b-drill");
        assertThat(db.gameDays().usingRunbook("regional-failover")).containsExactly("b-drill");
        assertThat(db.gameDays().delete("b-drill")).isTrue();
        assertThat(db.gameDays().delete("b-drill")).as("deleting twice").isFalse();
        assertThat(db.gameDays().find("b-drill")).isEmpty();
        assertThat(query("SELECT id FROM game_day_participant WHERE game_day = 'b-drill'")).isEmpty();
        assertThat(db.gameDays().find("a-drill").orElseThrow().participants()).hasSize(3);
    }

    @Test
    void experimentNamesWithCommasCannotBeJoinedAndAreRefused() {
        assertThatThrownBy(() -> db.gameDays().create("q4", "regional-failover", List.of("a,b"), PEOPLE, "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("experiments: expected at least "
                        + "one name, none blank or with a comma");
        assertThat(db.gameDays().list()).isEmpty();
    }

    @Test
    void aRunbookIsKeptAsSentUnderAUniqueId() {
        StoredRunbook stored = db.runbooks().create("my-failover", "My failover", "1.10", "---\nid: my-failover\n",
                "alice");

        assertThat(reopen().runbooks().find("my-failover")).contains(stored);
        assertThat(stored.version()).as("kept as written").isEqualTo("1.10");
        assertThat(stored.createdAt()).isEqualTo(NOW_IN_MICROS);
        assertThatThrownBy(() -> db.runbooks().create("my-failover", "Other", "2", "x", "bob"))
                .isInstanceOf(DuplicateException.class).hasMessage("a runbook with id 'my-failover' exists already");
        db.runbooks().create("a-runbook", "A", "1", "y", "bob");
        assertThat(db.runbooks().list()).extracting(StoredRunbook::id).containsExactly("a-runbook", "my-failover");
        assertThat(db.runbooks().delete("my-failover")).isTrue();
        assertThat(db.runbooks().delete("my-failover")).isFalse();
        assertThat(db.runbooks().find("my-failover")).isEmpty();
    }
}
