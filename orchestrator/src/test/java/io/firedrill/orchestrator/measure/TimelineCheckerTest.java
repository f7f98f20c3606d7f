package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.Scenario.finalRead;
import static io.firedrill.orchestrator.measure.Scenario.judge;
import static io.firedrill.orchestrator.measure.Scenario.nanos;
import static io.firedrill.orchestrator.measure.Scenario.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The marks T0-T6 and RTO, from faults, estate events, probes and writes whose true timing is known. */
class TimelineCheckerTest {
    private static final FrontDoorProbe FRONT_DOOR = new FrontDoorProbe("front-door", Duration.ofMillis(100));

    /** Samples every {@code intervalMs} from {@code phaseMs} to {@code untilMs}, failing in [failFrom, failUntil). */
    static List<ProbeSample> samples(String probe, double phaseMs, double intervalMs, double untilMs, double failFrom,
            double failUntil, long boundMicros) {
        List<ProbeSample> out = new ArrayList<>();
        for (double t = phaseMs; t < untilMs; t += intervalMs) {
            boolean ok = t < failFrom || t >= failUntil;
            out.add(new ProbeSample(probe, "us-east", "router", nanos(t), wall(nanos(t)), ok, ok ? 2_000 : 100_000,
                    boundMicros, ok ? "200" : "503"));
        }
        return out;
    }

    private static List<EstateEvent> routerEvents() {
        return List.of(
                new EstateEvent(EstateEvent.REGION_DOWN, "eu-west", nanos(10_900), wall(nanos(10_900)), 250, null),
                new EstateEvent(EstateEvent.FAILOVER_DECIDED, "us-east", nanos(11_000), wall(nanos(11_000)), 250, null),
                new EstateEvent(EstateEvent.PROMOTION_DONE, "us-east", nanos(11_800), wall(nanos(11_800)), 250, null));
    }

    @Test
    void calibrationTwoSecondOutageMeasuresTwoSecondsWithinItsBound() {
        List<ProbeSample> probes = samples("front-door", 50, 100, 40_000, Scenario.T0_MS, Scenario.T0_MS + 2_000,
                1_000);
        RunEvidence e = new Scenario().evidence().frontDoorProbes(List.of(FRONT_DOOR)).probes(probes).build();

        RunResult r = judge(e);

        Measured rto = r.timeline().orElseThrow().rto().orElseThrow();
        double trueOutage = 2.0;
        assertThat(rto.value().toNanos() / 1e9).isCloseTo(trueOutage, within(rto.bound().toNanos() / 1e9));
        // one probe interval + the sample's clock bound + T0's bound
        assertThat(rto.bound()).isEqualTo(Duration.ofMillis(100 + 1 + 1));
        assertThat(r.verdict("rto").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.verdict("rto").reason()).startsWith("T6 - T0 = 2.050 s ± 0.102 s: at most 2.152 s");
    }

    @Test
    void marksAndSegmentsComeFromTheEstateEventsAndTheWrites() {
        Scenario s = new Scenario()
                .ok(1, "before", 9_000, "eu-west")
                .write(1, "timeout", 10_100, Op.Type.INFO, 11_100, null)
                .ok(2, "first-after", 12_100, "us-east")
                .read(3, "before", 12_200, "v-before", 12_210, "us-east");
        RunEvidence e = s.evidence().estateEvents(routerEvents()).frontDoorProbes(List.of(FRONT_DOOR))
                .probes(samples("front-door", 50, 100, 20_000, Scenario.T0_MS, 12_000, 250)).build();

        Timeline t = judge(e).timeline().orElseThrow();

        assertThat(t.marks()).extracting(Mark::id).containsExactly("T0", "T1", "T2", "T3", "T4", "T5", "T6");
        assertThat(t.marks()).allMatch(Mark::observed);
        assertThat(t.mark("T1").evidence()).isEqualTo("estate event 'region-down' for eu-west");
        assertThat(t.mark("T4").at().orElseThrow().nanos()).isEqualTo(nanos(12_105));
        assertThat(t.mark("T4").evidence()).isEqualTo("write 'first-after' acknowledged by us-east");
        assertThat(t.mark("T5").at().orElseThrow().nanos()).isEqualTo(nanos(12_210));
        assertThat(t.segment("detect").duration().orElseThrow().value()).isEqualTo(Duration.ofMillis(900));
        assertThat(t.segment("decide").duration().orElseThrow().value()).isEqualTo(Duration.ofMillis(100));
        assertThat(t.segment("promote").duration().orElseThrow().value()).isEqualTo(Duration.ofMillis(800));
        assertThat(t.segment("resume-writes").duration().orElseThrow().value()).isEqualTo(Duration.ofMillis(305));
        assertThat(t.segment("first-write").duration().orElseThrow())
                .isEqualTo(new Measured(Duration.ofMillis(2_105), Duration.ofMillis(2)));
        assertThat(t.events()).extracting(TimelineEvent::type)
                .containsExactly("in-effect", "region-down", "failover-decided", "promotion-done", "reverted");
    }

    @Test
    void detectionIsTheRegionDownOfThePrimaryTheFaultHit() {
        List<EstateEvent> events = List.of(
                new EstateEvent(EstateEvent.REGION_DOWN, "us-east", nanos(10_300), wall(nanos(10_300)), 250, null),
                new EstateEvent(EstateEvent.REGION_DOWN, "eu-west", nanos(10_900), wall(nanos(10_900)), 250, null));
        RunEvidence e = new Scenario().ok(1, "k1", 9_000, "eu-west").evidence().estateEvents(events).build();

        Mark t1 = judge(e).timeline().orElseThrow().mark("T1");

        assertThat(t1.at().orElseThrow().nanos()).isEqualTo(nanos(10_900));
        assertThat(t1.evidence()).isEqualTo("estate event 'region-down' for eu-west");
    }

    @Test
    void marksThatCannotBeObservedSaySoInsteadOfGuessing() {
        RunEvidence e = new Scenario().ok(1, "a", 12_000, "us-east").evidence()
                .frontDoorProbes(List.of(FRONT_DOOR))
                .probes(samples("front-door", 50, 100, 15_000, Scenario.T0_MS, 12_000, 250)).build();

        Timeline t = judge(e).timeline().orElseThrow();

        assertThat(t.mark("T1").observed()).isFalse();
        assertThat(t.mark("T1").evidence()).isEqualTo("the estate reported no 'region-down' event at or after T0");
        assertThat(t.mark("T5").evidence()).isEqualTo("the workload made no reads");
        assertThat(t.segment("detect").note()).isEqualTo("T1 not observable: the estate reported no 'region-down' "
                + "event at or after T0");
        assertThat(t.segment("detect").duration()).isEmpty();
        assertThat(t.rto()).isPresent();
    }

    @Test
    void everyFrontDoorProbeMustSucceedInTheSameRounds() {
        List<ProbeSample> probes = new ArrayList<>(samples("front-door", 50, 100, 20_000, 10_000, 12_000, 250));
        probes.addAll(samples("front-door-eu", 80, 100, 20_000, 10_000, 13_000, 250));
        RunEvidence e = new Scenario().evidence().probes(probes)
                .frontDoorProbes(List.of(FRONT_DOOR, new FrontDoorProbe("front-door-eu", Duration.ofMillis(100))))
                .build();

        Timeline t = judge(e).timeline().orElseThrow();

        assertThat(t.mark("T6").at().orElseThrow().nanos()).isEqualTo(nanos(13_080));
        assertThat(t.steadyStateBasis()).isEqualTo("front-door probes front-door, front-door-eu: 3 consecutive rounds "
                + "in which every one succeeded");
    }

    @Test
    void aFrontDoorStillFailingPastTheObjectiveIsAnRtoFailWithoutT6() {
        RunEvidence e = new Scenario().evidence().frontDoorProbes(List.of(FRONT_DOOR))
                .probes(samples("front-door", 50, 100, 40_000, Scenario.T0_MS, 50_000, 0)).build();

        ObjectiveVerdict rto = judge(e).verdict("rto");

        assertThat(rto.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(rto.reason()).startsWith("T6 not observable (front-door probes did not succeed in 3 consecutive "
                + "rounds after T0 (at most 0; last sample 29.950 s after T0)), but the front door still failed "
                + "29.950 s ± 0.001 s after T0: the RTO was at least 29.949 s, over the declared 20.000 s");
    }

    @Test
    void aRunEndingBeforeSteadyStateWithinTheObjectiveIsUnknown() {
        RunEvidence e = new Scenario().evidence().frontDoorProbes(List.of(FRONT_DOOR))
                .probes(samples("front-door", 50, 100, 15_000, Scenario.T0_MS, 50_000, 250)).build();

        ObjectiveVerdict rto = judge(e).verdict("rto");

        assertThat(rto.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(rto.reason()).startsWith("T6 not observable: front-door probes did not succeed in 3 consecutive");
    }

    @Test
    void withoutFrontDoorProbesSteadyStateIsNConsecutiveAcknowledgedWrites() {
        Scenario s = new Scenario();
        for (int i = 0; i < 400; i++) {
            double t = 9_000 + i * 10;
            boolean down = t >= Scenario.T0_MS && t < 12_000;
            s.write(i % 2, "w" + i, t, down ? Op.Type.FAIL : Op.Type.OK, t + 4, down ? "eu-west" : "us-east");
        }

        Timeline t = judge(s.evidence().build()).timeline().orElseThrow();

        Measured rto = t.rto().orElseThrow();
        assertThat(rto.value()).isEqualTo(Duration.ofMillis(2_000));
        // the 10 ms since the last failed write + the history clock bound + T0's bound
        assertThat(rto.bound()).isEqualTo(Duration.ofMillis(12));
        assertThat(t.steadyStateBasis()).startsWith("workload writes: 3 consecutive acknowledged writes");
    }

    @Test
    void aLargeClockBoundWidensTheRtoUntilItStraddlesTheObjective() {
        List<ProbeSample> probes = samples("front-door", 50, 100, 40_000, Scenario.T0_MS, Scenario.T0_MS + 19_000,
                2_000_000);
        RunEvidence e = new Scenario().evidence().frontDoorProbes(List.of(FRONT_DOOR)).probes(probes).build();

        ObjectiveVerdict rto = judge(e).verdict("rto");

        assertThat(rto.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(rto.measured().orElseThrow().bound()).isEqualTo(Duration.ofMillis(2_101));
        assertThat(rto.reason()).isEqualTo("T6 - T0 = 19.050 s ± 2.101 s: between 16.949 s and 21.151 s, which "
                + "straddles the declared 20.000 s; narrow the bound (shorter probe interval, better clock sync)");
    }

    @Test
    void clocksThatWereNotSyncedMakeRtoUnknown() {
        RunEvidence e = new Scenario().evidence().frontDoorProbes(List.of(FRONT_DOOR))
                .probes(samples("front-door", 50, 100, 40_000, Scenario.T0_MS, 12_000, 250))
                .clock(ClockSync.notSynced("agent us-east has no offset estimate"))
                .finalRead(finalRead())
                .build();

        ObjectiveVerdict rto = judge(e).verdict("rto");

        assertThat(rto.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(rto.reason()).isEqualTo("clocks not synced: agent us-east has no offset estimate");
    }

    @Test
    void withoutAFaultInEffectThereIsNoT0AndRtoIsUnknown() {
        RunEvidence e = RunEvidence.builder("run-1", Scenario.objectives(Scenario.RTO, Scenario.RPO, 3))
                .clock(ClockSync.synced(Duration.ofMillis(1))).build();

        RunResult r = judge(e);

        assertThat(r.verdict("rto").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.verdict("rto").reason()).isEqualTo("T0 not observable: no fault was acknowledged in effect by an "
                + "agent");
    }

    @Test
    void theNamedClockStartFaultIsT0NotTheEarliest() {
        RunEvidence e = new Scenario().evidence()
                .fault(new FaultMark("lag-replication", "replication-lag", "eu-west->us-east/replication",
                        Scenario.at(5_000, 1_000), java.util.Optional.empty()))
                .clockStartFault("blackout-eu-west")
                .build();

        Mark t0 = judge(e).timeline().orElseThrow().mark("T0");

        assertThat(t0.at().orElseThrow().nanos()).isEqualTo(nanos(Scenario.T0_MS));
        assertThat(t0.evidence()).startsWith("fault 'blackout-eu-west' (region-blackout on eu-west)");
    }
}
