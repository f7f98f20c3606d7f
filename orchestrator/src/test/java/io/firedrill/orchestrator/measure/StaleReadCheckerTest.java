package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.Scenario.judge;
import static io.firedrill.orchestrator.measure.Scenario.nanos;
import static io.firedrill.orchestrator.measure.Scenario.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads after promotion that miss a write acknowledged before they began. */
class StaleReadCheckerTest {
    private static final List<EstateEvent> PROMOTED_AT_11_8_S = List.of(
            new EstateEvent(EstateEvent.PROMOTION_DONE, "us-east", nanos(11_800), wall(nanos(11_800)), 250, null));

    @Test
    void aReadAfterPromotionThatMissesAnAcknowledgedWriteIsStale() {
        Scenario s = new Scenario()
                .ok(1, "k1", 9_000, "eu-west")
                .read(2, "k1", 11_000, null, 11_010, "us-east")
                .read(2, "k1", 12_000, null, 12_010, "us-east")
                .read(2, "k1", 12_100, "v-k1", 12_110, "us-east");

        RunResult r = judge(s.evidence().estateEvents(PROMOTED_AT_11_8_S).build());

        StaleReads stale = r.staleReads().orElseThrow();
        assertThat(stale.note()).isEqualTo("acknowledged reads invoked after T3 (promotion complete)");
        assertThat(stale.readsChecked()).isEqualTo(2);
        assertThat(stale.stale().count()).isEqualTo(1);
        assertThat(stale.stale().first()).containsExactly("k1: got null, expected v-k1 (history entry 4)");
        assertThat(r.verdict("integrity").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.verdict("integrity").reason()).contains("1 stale read(s)");
    }

    @Test
    void aReadOfAValueSupersededBeforeTheReadBeganIsStale() {
        Scenario s = new Scenario()
                .write(1, "x", "one", 1_000, Op.Type.OK, 1_005, "eu-west")
                .write(1, "x", "two", 2_000, Op.Type.OK, 2_005, "eu-west")
                .read(2, "x", 12_000, "one", 12_010, "us-east")
                .read(2, "x", 12_100, "two", 12_110, "us-east");

        StaleReads stale = judge(s.evidence().estateEvents(PROMOTED_AT_11_8_S).build()).staleReads().orElseThrow();

        assertThat(stale.stale().first()).containsExactly("x: got one, expected two (history entry 4)");
    }

    @Test
    void aReadConcurrentWithAWriteMayReturnEitherValue() {
        Scenario s = new Scenario()
                .write(1, "x", "one", 1_000, Op.Type.OK, 1_005, "eu-west")
                .write(1, "x", "two", 12_000, Op.Type.OK, 12_050, "us-east")
                .read(2, "x", 12_010, "one", 12_020, "us-east")
                .read(3, "x", 12_020, "two", 12_030, "us-east");

        StaleReads stale = judge(s.evidence().estateEvents(PROMOTED_AT_11_8_S).build()).staleReads().orElseThrow();

        assertThat(stale.readsChecked()).isEqualTo(2);
        assertThat(stale.stale().count()).isZero();
    }

    @Test
    void withoutT3ReadsAreCheckedFromTheFirstWriteAfterT0() {
        Scenario s = new Scenario()
                .ok(1, "k1", 9_000, "eu-west")
                .ok(1, "k2", 12_000, "us-east")
                .read(2, "k1", 11_000, null, 11_010, "us-east")
                .read(2, "k1", 12_100, null, 12_110, "us-east");

        StaleReads stale = judge(s.evidence().build()).staleReads().orElseThrow();

        assertThat(stale.note()).isEqualTo("acknowledged reads invoked after T4 (first acknowledged write invoked "
                + "after T0)");
        assertThat(stale.stale().count()).isEqualTo(1);
    }

    @Test
    void aHistoryWithoutReadsHasNoStaleReadsToCheck() {
        Scenario s = new Scenario().ok(1, "k1", 9_000, "eu-west");

        RunResult r = judge(s.evidence().finalRead(Scenario.finalRead("k1")).build());

        assertThat(r.staleReads().orElseThrow().checked()).isFalse();
        assertThat(r.verdict("integrity").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.verdict("integrity").reason()).isEqualTo("no failed write present, no unexpected or duplicated "
                + "value; stale reads not applicable: the workload made no reads; no split brain");
    }
}
