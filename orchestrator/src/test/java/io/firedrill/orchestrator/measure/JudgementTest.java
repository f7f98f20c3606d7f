package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.Scenario.finalRead;
import static io.firedrill.orchestrator.measure.Scenario.judge;
import static io.firedrill.orchestrator.measure.Scenario.nanos;
import static io.firedrill.orchestrator.measure.Scenario.wall;
import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.model.Objectives;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judgement as a whole: failing checkers, broken histories, per-store objectives and the overall verdict. */
class JudgementTest {
    private static final FrontDoorProbe FRONT_DOOR = new FrontDoorProbe("front-door", Duration.ofMillis(100));

    private static RunEvidence.Builder healthyRun() {
        Scenario s = new Scenario().ok(1, "k1", 9_000, "eu-west").ok(2, "k2", 12_500, "us-east");
        return s.evidence().frontDoorProbes(List.of(FRONT_DOOR))
                .probes(TimelineCheckerTest.samples("front-door", 50, 100, 20_000, Scenario.T0_MS, 12_000, 250))
                .finalRead(finalRead("k1", "k2"));
    }

    @Test
    void aHealthyFailoverPassesEveryObjective() {
        RunResult r = judge(healthyRun().build());

        assertThat(r.verdicts()).extracting(ObjectiveVerdict::objective).containsExactly("rto", "rpo", "integrity");
        assertThat(r.verdicts()).allMatch(v -> v.verdict() == Verdict.PASS);
        assertThat(r.overall()).isEqualTo(Verdict.PASS);
        assertThat(r.checkerFailures()).isEmpty();
    }

    @Test
    void aCheckerThatThrowsMakesItsObjectivesUnknownWithItsMessage() {
        Checker<LossReport> broken = new Checker<>() {
            @Override
            public String name() {
                return "loss";
            }

            @Override
            public LossReport check(CheckContext context) {
                throw new IllegalStateException("final-read.jsonl is unreadable");
            }
        };
        Judgement judgement = new Judgement(new TimelineChecker(), broken, new StaleReadChecker(),
                new SplitBrainChecker());

        RunResult r = judgement.judge(healthyRun().build());

        assertThat(r.verdict("rpo").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.verdict("rpo").reason()).isEqualTo("loss checker failed: final-read.jsonl is unreadable");
        assertThat(r.verdict("integrity").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.verdict("rto").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.loss()).isEmpty();
        assertThat(r.checkerFailures()).containsExactly(new CheckerFailure("loss", "final-read.jsonl is unreadable"));
        assertThat(r.overall()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aBrokenHistoryIsUnknownNamingTheEntryWhileProbesStillGiveTheRto() {
        List<Op> history = new ArrayList<>(new Scenario().ok(1, "k1", 9_000, "eu-west").history());
        history.add(new Op(2, "nobody-invoked-me", 7, Op.Type.OK, Op.Function.WRITE, "k9", "v", "eu-west",
                nanos(9_100), wall(nanos(9_100)), null));
        RunEvidence e = healthyRun().history(history).build();

        RunResult r = judge(e);

        assertThat(r.verdict("rpo").reason()).isEqualTo("loss checker failed: history entry 2: ok of op "
                + "'nobody-invoked-me' has no invoke in flight; each completion follows its own invoke, once");
        assertThat(r.verdict("rto").verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.timeline().orElseThrow().mark("T4").evidence()).startsWith("the history could not be judged: "
                + "history entry 2:");
        assertThat(r.checkerFailures()).extracting(CheckerFailure::checker)
                .containsExactly("loss", "stale-reads", "split-brain");
    }

    @Test
    void aProcessThatInvokesAfterItsInfoBreaksTheHistory() {
        Scenario s = new Scenario().write(1, "a", 1_000, Op.Type.INFO, 2_000, null).ok(1, "b", 3_000, "eu-west");

        RunResult r = judge(s.evidence().finalRead(finalRead("b")).build());

        assertThat(r.verdict("rpo").reason()).isEqualTo("loss checker failed: history entry 2: process 1 invokes "
                + "after it got info; a client continues under a new process id after an indeterminate result");
    }

    @Test
    void objectivesOfADataStoreAreJudgedOnTheEstateFigures() {
        Objectives objectives = new Objectives(Scenario.RTO, Scenario.RPO, 3, List.of(
                new Objectives.StoreObjective("orders-us-east", Duration.ofSeconds(1), Duration.ofMillis(500))));
        Scenario s = new Scenario().ok(1, "k1", 9_000, "eu-west").ok(2, "k2", 12_500, "us-east");
        RunEvidence e = s.evidence(objectives).frontDoorProbes(List.of(FRONT_DOOR))
                .probes(TimelineCheckerTest.samples("front-door", 50, 100, 20_000, Scenario.T0_MS, 12_000, 250))
                .finalRead(finalRead("k1", "k2")).build();

        RunResult r = judge(e);

        assertThat(r.verdicts()).extracting(ObjectiveVerdict::objective)
                .containsExactly("rto", "rpo", "rto[orders-us-east]", "rpo[orders-us-east]", "integrity");
        assertThat(r.verdict("rto").verdict()).isEqualTo(Verdict.PASS);
        ObjectiveVerdict storeRto = r.verdict("rto[orders-us-east]");
        assertThat(storeRto.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(storeRto.declared()).contains(Duration.ofSeconds(1));
        assertThat(storeRto.reason()).startsWith("measured estate-wide (every write goes to the one replicated pair): "
                + "T6 - T0 = 2.050 s");
        assertThat(r.overall()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void figuresCarryTheirUnitAndBound() {
        RunResult r = judge(healthyRun().build());

        assertThat(r.figures()).filteredOn(f -> f.name().equals("rto")).singleElement()
                .isEqualTo(new Figure("rto", nanos(2_050), nanos(101.25), "ns", "T6 - T0"));
        assertThat(r.figures()).filteredOn(f -> f.name().equals("lost")).singleElement()
                .isEqualTo(new Figure("lost", 0, 0, "writes", "acknowledged and not read back"));
    }
}
