package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.Scenario.judge;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Split brain: two regions acknowledging writes as primary at overlapping times, and failovers that are not. */
class SplitBrainCheckerTest {
    /** Writes by {@code region} every 100 ms in [fromMs, toMs), by {@code process}. */
    private static Scenario writes(Scenario s, long process, String region, double fromMs, double toMs) {
        for (double t = fromMs; t < toMs; t += 100) {
            s.ok(process, region + "-" + (long) t, t, region);
        }
        return s;
    }

    @Test
    void twoRegionsAcknowledgingWritesAtTheSameTimeIsSplitBrain() {
        Scenario s = writes(new Scenario(), 1, "eu-west", 0, 15_000);
        writes(s, 2, "us-east", 12_050, 20_000);

        RunResult r = judge(s.evidence().finalRead(FinalRead.notTaken("not needed here")).build());

        SplitBrain split = r.splitBrain().orElseThrow();
        assertThat(split.detected()).isTrue();
        SplitBrain.Divergence d = split.divergences().get(0);
        assertThat(d.regionA()).isEqualTo("eu-west");
        assertThat(d.regionB()).isEqualTo("us-east");
        assertThat(d.aInsideB()).isEqualTo(29);
        assertThat(d.bInsideA()).isEqualTo(29);
        assertThat(d.overlapStart().nanos()).isEqualTo(Scenario.nanos(12_055));
        assertThat(d.overlapEnd().nanos()).isEqualTo(Scenario.nanos(14_900));
        assertThat(d.examples()).first().isEqualTo("'eu-west-12100' acknowledged by eu-west inside us-east's window");
        ObjectiveVerdict integrity = r.verdict("integrity");
        assertThat(integrity.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(integrity.reason()).contains("split brain: eu-west and us-east both accepted writes (29 and 29 "
                + "inside each other's window)");
    }

    @Test
    void aCleanFailoverIsNotSplitBrain() {
        Scenario s = writes(new Scenario(), 1, "eu-west", 0, 10_000);
        writes(s, 2, "us-east", 12_000, 20_000);

        SplitBrain split = judge(s.evidence().build()).splitBrain().orElseThrow();

        assertThat(split.checked()).isTrue();
        assertThat(split.divergences()).isEmpty();
        assertThat(split.note()).isEqualTo("180 acknowledged writes from 2 region(s): eu-west, us-east");
    }

    @Test
    void aFailoverThenAFailbackIsNotSplitBrain() {
        Scenario s = writes(new Scenario(), 1, "eu-west", 0, 10_000);
        writes(s, 2, "us-east", 12_000, 20_000);
        writes(s, 3, "eu-west", 25_000, 30_000);

        assertThat(judge(s.evidence().build()).splitBrain().orElseThrow().divergences()).isEmpty();
    }

    @Test
    void aWriteStillInFlightAtFailoverIsNotSplitBrain() {
        Scenario s = writes(new Scenario(), 1, "eu-west", 0, 10_000);
        s.write(3, "slow", 9_990, Op.Type.OK, 12_500, "eu-west");
        writes(s, 2, "us-east", 12_000, 20_000);

        assertThat(judge(s.evidence().build()).splitBrain().orElseThrow().divergences()).isEmpty();
    }

    @Test
    void writesThatDoNotNameTheirRegionCannotBeCheckedSoIntegrityIsUnknown() {
        Scenario s = new Scenario().ok(1, "a", 1_000, null).ok(1, "b", 2_000, null);

        RunResult r = judge(s.evidence().finalRead(Scenario.finalRead("a", "b")).build());

        assertThat(r.splitBrain().orElseThrow().checked()).isFalse();
        assertThat(r.verdict("integrity").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.verdict("integrity").reason()).isEqualTo("split brain not checked: no acknowledged write names "
                + "the region that answered (Firedrill-Region)");
    }
}
