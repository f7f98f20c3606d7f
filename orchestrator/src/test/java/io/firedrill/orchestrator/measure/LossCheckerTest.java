package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.Scenario.finalRead;
import static io.firedrill.orchestrator.measure.Scenario.judge;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RPO and the data checks on hand-built histories: what was lost, recovered, unexpected or duplicated. */
class LossCheckerTest {
    /** Four acknowledged writes by eu-west before T0 (10 s): at 1 s, 8 s, 9.5 s and 9.9 s, each 5 ms long. */
    private static Scenario fourWrites() {
        return new Scenario()
                .ok(1, "k1", 1_000, "eu-west")
                .ok(1, "k2", 8_000, "eu-west")
                .ok(2, "k3", 9_500, "eu-west")
                .ok(2, "k4", 9_900, "eu-west");
    }

    @Test
    void nothingLostIsRpoPassWithAWindowOfExactlyZero() {
        RunResult r = judge(fourWrites().evidence().finalRead(finalRead("k1", "k2", "k3", "k4")).build());

        ObjectiveVerdict rpo = r.verdict("rpo");
        assertThat(rpo.verdict()).isEqualTo(Verdict.PASS);
        assertThat(rpo.measured()).contains(Measured.exactly(Duration.ZERO));
        assertThat(rpo.reason()).isEqualTo("no acknowledged write lost: all 4 were read back");
        assertThat(r.loss().orElseThrow().lost()).isEqualTo(Tally.none());
    }

    @Test
    void lostWritesGiveTheWindowFromTheEarliestLostAcknowledgementToT0() {
        RunResult r = judge(fourWrites().evidence().finalRead(finalRead("k1", "k2")).build());

        LossReport loss = r.loss().orElseThrow();
        assertThat(loss.lost()).isEqualTo(new Tally(2, List.of("k3", "k4")));
        assertThat(loss.earliestLostAck().orElseThrow().nanos()).isEqualTo(Scenario.nanos(9_505));
        assertThat(loss.latestLostAck().orElseThrow().nanos()).isEqualTo(Scenario.nanos(9_905));
        // T0 (10 000 ms ± 1 ms) - ack of k3 (9 505 ms ± 1 ms of history clock bound)
        assertThat(loss.window()).contains(new Measured(Duration.ofMillis(495), Duration.ofMillis(2)));
        ObjectiveVerdict rpo = r.verdict("rpo");
        assertThat(rpo.verdict()).isEqualTo(Verdict.PASS);
        assertThat(rpo.reason()).isEqualTo("2 of 4 acknowledged writes lost; T0 - earliest lost acknowledgement = "
                + "0.495 s ± 0.002 s: at most 0.497 s, within the declared 5.000 s");
    }

    @Test
    void aWindowWiderThanTheObjectiveFails() {
        RunEvidence e = fourWrites().evidence(Scenario.objectives(Scenario.RTO, Duration.ofMillis(200), 3))
                .finalRead(finalRead("k1", "k2")).build();

        ObjectiveVerdict rpo = judge(e).verdict("rpo");

        assertThat(rpo.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rpo.reason()).endsWith("at least 0.493 s, over the declared 0.200 s");
    }

    @Test
    void aClockBoundWiderThanTheObjectiveMakesTheWindowStraddleItAndRpoUnknown() {
        RunEvidence e = fourWrites().evidence(Scenario.objectives(Scenario.RTO, Duration.ofMillis(500), 3))
                .finalRead(finalRead("k1", "k2"))
                .clock(ClockSync.synced(Duration.ofSeconds(1)))
                .build();

        ObjectiveVerdict rpo = judge(e).verdict("rpo");

        assertThat(rpo.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(rpo.measured()).contains(new Measured(Duration.ofMillis(495), Duration.ofMillis(1_001)));
        assertThat(rpo.reason()).endsWith("which straddles the declared 0.500 s; narrow the bound (shorter probe "
                + "interval, better clock sync)");
    }

    @Test
    void anyLossFailsADeclaredRpoOfZeroEvenWithoutSyncedClocks() {
        RunEvidence e = fourWrites().evidence(Scenario.objectives(Scenario.RTO, Duration.ZERO, 3))
                .finalRead(finalRead("k1", "k2", "k3"))
                .clock(ClockSync.notSynced("agent us-east has no offset estimate"))
                .build();

        ObjectiveVerdict rpo = judge(e).verdict("rpo");

        assertThat(rpo.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rpo.reason()).isEqualTo("1 of 4 acknowledged writes lost; the declared RPO of 0 allows none");
    }

    @Test
    void indeterminateWritesReadBackAreRecoveredAndTheOthersAreNotLost() {
        Scenario s = fourWrites()
                .write(3, "i1", 9_990, Op.Type.INFO, 10_990, null)
                .write(4, "i2", 9_995, Op.Type.INFO, 10_995, null)
                .open(5, "i3", 9_999);
        RunResult r = judge(s.evidence().finalRead(finalRead("k1", "k2", "k3", "k4", "i1", "i3")).build());

        LossReport loss = r.loss().orElseThrow();
        assertThat(loss.writes()).isEqualTo(new WriteCounts(7, 4, 0, 3));
        assertThat(loss.recoveredIndeterminate()).isEqualTo(2);
        assertThat(loss.lost().count()).isZero();
        assertThat(r.verdict("rpo").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.verdict("integrity").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aFailedWriteThatIsReadBackIsReportedAsAnError() {
        Scenario s = fourWrites().write(3, "f1", 9_990, Op.Type.FAIL, 9_991, "eu-west");
        RunResult r = judge(s.evidence().finalRead(finalRead("k1", "k2", "k3", "k4", "f1")).build());

        assertThat(r.loss().orElseThrow().recoveredFailed()).isEqualTo(new Tally(1, List.of("f1")));
        ObjectiveVerdict integrity = r.verdict("integrity");
        assertThat(integrity.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(integrity.reason()).contains("1 write(s) that failed are present in the final read (first: f1)");
        assertThat(r.verdict("rpo").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.overall()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aValueNoWriteAttemptedIsUnexpected() {
        FinalRead read = FinalRead.complete("us-east", List.of(new FinalRead.Entry("k1", "v-k1"),
                new FinalRead.Entry("k2", "v-k2"), new FinalRead.Entry("k3", "v-k3"),
                new FinalRead.Entry("k4", "garbage"),
                new FinalRead.Entry("ghost", "boo")));

        RunResult r = judge(fourWrites().evidence().finalRead(read).build());

        LossReport loss = r.loss().orElseThrow();
        assertThat(loss.unexpected()).isEqualTo(new Tally(2, List.of("k4=garbage", "ghost=boo")));
        assertThat(loss.lost().first()).containsExactly("k4");
        assertThat(r.verdict("integrity").reason()).contains("2 final-read value(s) that no write attempted (first: "
                + "k4=garbage)");
    }

    @Test
    void aUniqueKeyReadBackTwiceIsDuplicated() {
        RunResult r = judge(fourWrites().evidence().finalRead(finalRead("k1", "k2", "k2", "k3", "k4", "k2")).build());

        assertThat(r.loss().orElseThrow().duplicated()).isEqualTo(new Tally(1, List.of("k2")));
        assertThat(r.verdict("integrity").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.verdict("integrity").reason()).contains("1 key(s) written once and read back more than once");
    }

    @Test
    void noFinalReadMakesRpoUnknownNeverPass() {
        RunResult r = judge(fourWrites().evidence().build());

        ObjectiveVerdict rpo = r.verdict("rpo");
        assertThat(rpo.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(rpo.reason()).isEqualTo("the final read is incomplete (no final read was supplied): a write it did "
                + "not reach may be unread rather than lost");
    }

    @Test
    void aFinalReadThatStoppedMidwayMakesRpoUnknown() {
        FinalRead partial = FinalRead.incomplete("connection reset after 2 keys",
                List.of(new FinalRead.Entry("k1", "v-k1"), new FinalRead.Entry("k2", "v-k2")));

        RunResult r = judge(fourWrites().evidence().finalRead(partial).build());

        assertThat(r.verdict("rpo").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.verdict("rpo").reason()).contains("connection reset after 2 keys");
        assertThat(r.verdict("integrity").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aFinalReadShorterThanItsReaderReportedCountsAsIncomplete() {
        FinalRead truncated = new FinalRead(true, "us-east", null, java.util.OptionalLong.of(4),
                Replayable.of(List.of(new FinalRead.Entry("k1", "v-k1"), new FinalRead.Entry("k2", "v-k2"))));

        RunResult r = judge(fourWrites().evidence().finalRead(truncated).build());

        assertThat(r.verdict("rpo").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.verdict("rpo").reason()).contains("the reader reported 4 entries but 2 were found (truncated?)");
    }

    @Test
    void aLostWriteAcknowledgedAfterT0FailsWhateverTheWindow() {
        Scenario s = fourWrites().ok(3, "late", 11_000, "eu-west");

        RunResult r = judge(s.evidence().finalRead(finalRead("k1", "k2", "k3", "k4")).build());

        assertThat(r.loss().orElseThrow().lostAckedAfterT0()).isEqualTo(1);
        assertThat(r.loss().orElseThrow().window()).contains(new Measured(Duration.ZERO, Duration.ofMillis(2)));
        assertThat(r.verdict("rpo").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.verdict("rpo").reason()).isEqualTo("1 of 5 acknowledged writes lost, 1 of them acknowledged "
                + "after the fault was in effect (T0): no window before the fault covers them");
    }

    @Test
    void lostWritesWithoutT0HaveNoWindowAndRpoIsUnknown() {
        RunEvidence e = RunEvidence.builder("run-1", Scenario.objectives(Scenario.RTO, Scenario.RPO, 3))
                .history(fourWrites().history())
                .clock(ClockSync.synced(Duration.ofMillis(1)))
                .finalRead(finalRead("k1"))
                .build();

        ObjectiveVerdict rpo = judge(e).verdict("rpo");

        assertThat(rpo.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(rpo.reason()).isEqualTo("3 of 4 acknowledged writes lost; no window: T0 not observable: no fault "
                + "was acknowledged in effect by an agent");
    }
}
