package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link HaltStore} shows, whatever the database. */
abstract class HaltStoreContract extends StoreContract {

    @Test
    void nothingIsHaltedOnAFreshDatabase() {
        assertThat(db.halts().current()).isEmpty();
        assertThat(db.halts().history(10)).isEmpty();
        assertThat(db.halts().resume("alice")).isEmpty();
    }

    @Test
    void aHaltStaysInForceAcrossARestartUntilResumed() {
        HaltRecord h = db.halts().halt("alice", "  checkout errors in us-east ");

        assertThat(h).extracting(HaltRecord::haltedAt, HaltRecord::haltedBy, HaltRecord::reason, HaltRecord::inForce)
                .containsExactly(NOW_IN_MICROS, "alice", "checkout errors in us-east", true);
        Database restarted = reopen(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        assertThat(restarted.halts().current()).contains(h);

        HaltRecord resumed = restarted.halts().resume("bob").orElseThrow();

        assertThat(resumed).extracting(HaltRecord::haltedBy, HaltRecord::resumedBy, HaltRecord::resumedAt)
                .containsExactly("alice", "bob", NOW_IN_MICROS.plusSeconds(60));
        assertThat(restarted.halts().current()).isEmpty();
        assertThat(restarted.halts().history(10)).containsExactly(resumed);
    }

    @Test
    void haltingWhileHaltedKeepsTheFirstHalt() {
        HaltRecord first = db.halts().halt("alice", "first");

        assertThat(db.halts().halt("bob", "second")).isEqualTo(first);
        assertThat(db.halts().history(10)).containsExactly(first);
    }

    @Test
    void historyListsNewestFirstAndAReasonIsAlwaysThere() {
        db.halts().halt("alice", null);
        db.halts().resume("alice");
        Database later = reopen(Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        later.halts().halt("bob", "again");

        List<HaltRecord> history = later.halts().history(10);

        assertThat(history).extracting(HaltRecord::haltedBy, HaltRecord::reason, HaltRecord::inForce)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", "again", true),
                        org.assertj.core.groups.Tuple.tuple("alice", "no reason given", false));
        assertThat(later.halts().history(1)).hasSize(1);
    }
}
