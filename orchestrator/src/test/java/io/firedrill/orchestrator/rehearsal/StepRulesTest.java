package io.firedrill.orchestrator.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.StepEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may act on a runbook step and in which order, with the refusals people read. */
class StepRulesTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");
    private static final GameDay DAY = new GameDay("q4-drill", "regional-failover", List.of("region-blackout"),
            List.of(new GameDay.Participant("carol", "facilitator"), new GameDay.Participant("alice", "on-call"),
                    new GameDay.Participant("bob", "observer")), "admin", AT);
    private static final Rehearsal REHEARSAL = new Rehearsal("r-1", "q4-drill", "region-blackout",
            "regional-failover", "1.0", "", List.of(step("detect", "on-call"), step("decide-failover", "approver"),
                    step("trigger-failover", "on-call")), "admin", AT);

    private final List<StepEvent> events = new ArrayList<>();

    @Test
    void theStepsRoleOrTheFacilitatorMayActAndAnyoneElseIsToldWhy() {
        Rehearsal.Step trigger = REHEARSAL.step("trigger-failover").orElseThrow();

        assertThat(StepRules.forbidden(DAY, trigger, "alice")).isEmpty();
        assertThat(StepRules.forbidden(DAY, trigger, "carol")).as("the facilitator stands in").isEmpty();
        assertThat(StepRules.forbidden(DAY, trigger, "bob"))
                .contains("step trigger-failover needs role on-call; bob is observer in game day q4-drill");
        assertThat(StepRules.forbidden(DAY, trigger, "dave"))
                .contains("step trigger-failover needs role on-call; dave is not a participant of game day q4-drill");
    }

    @Test
    void aStepStartsOnlyOnceTheOneBeforeItIsCompletedOrSkipped() {
        assertThat(refusal(Act.START, "detect")).as("the first step may start at once").isNull();
        assertThat(refusal(Act.START, "decide-failover"))
                .isEqualTo("step detect is not completed yet; complete or skip it first, then start decide-failover");
        happened("detect", StepEvent.Kind.START);
        assertThat(refusal(Act.START, "decide-failover")).as("started is not done")
                .isEqualTo("step detect is not completed yet; complete or skip it first, then start decide-failover");
        happened("detect", StepEvent.Kind.COMPLETE);
        assertThat(refusal(Act.START, "decide-failover")).isNull();
        assertThat(refusal(Act.SKIP, "trigger-failover"))
                .isEqualTo("step decide-failover is not completed yet; complete or skip it first, then skip "
                        + "trigger-failover");
        happened("decide-failover", StepEvent.Kind.SKIP);
        assertThat(refusal(Act.START, "trigger-failover")).as("skipped counts as done").isNull();
    }

    @Test
    void aStepIsCompletedOnlyAfterItStartedAndEachActHappensOnce() {
        assertThat(refusal(Act.COMPLETE, "detect")).isEqualTo("step detect is not started yet; start it first, then "
                + "complete it");
        happened("detect", StepEvent.Kind.START);
        assertThat(refusal(Act.START, "detect")).isEqualTo("step detect was started already by alice at "
                + "2026-11-30T10:15:30.123Z; a step cannot be started twice");
        assertThat(refusal(Act.COMPLETE, "detect")).isNull();
        happened("detect", StepEvent.Kind.COMPLETE);
        assertThat(refusal(Act.COMPLETE, "detect")).isEqualTo("step detect was completed already by alice at "
                + "2026-11-30T10:15:30.123Z; a step cannot be completed twice");
        assertThat(refusal(Act.START, "detect")).isEqualTo("step detect was completed already by alice at "
                + "2026-11-30T10:15:30.123Z; a step cannot be started twice");
        assertThat(refusal(Act.SKIP, "detect")).isEqualTo("step detect was completed already by alice at "
                + "2026-11-30T10:15:30.123Z; a completed step cannot be skipped");
    }

    @Test
    void aStartedStepMayBeSkippedAndASkippedOneIsOver() {
        happened("detect", StepEvent.Kind.START);
        assertThat(refusal(Act.SKIP, "detect")).isNull();
        happened("detect", StepEvent.Kind.SKIP);

        assertThat(refusal(Act.COMPLETE, "detect")).isEqualTo("step detect was skipped by alice at "
                + "2026-11-30T10:15:30.123Z; a skipped step cannot be completed");
        assertThat(refusal(Act.SKIP, "detect")).isEqualTo("step detect was skipped already by alice at "
                + "2026-11-30T10:15:30.123Z; a step cannot be skipped twice");
        assertThat(Progress.of(events).of("detect").state()).isEqualTo(Progress.State.SKIPPED);
        assertThat(Progress.of(events).of("trigger-failover").state()).isEqualTo(Progress.State.PENDING);
    }

    private String refusal(Act act, String step) {
        return StepRules.outOfOrder(act, REHEARSAL, REHEARSAL.step(step).orElseThrow(), Progress.of(events))
                .orElse(null);
    }

    private void happened(String step, StepEvent.Kind kind) {
        events.add(new StepEvent("r-1", events.size() + 1, step, kind, "alice", "on-call", AT, 0, null, List.of(),
                null));
    }

    private static Rehearsal.Step step(String id, String role) {
        return new Rehearsal.Step(id, id, role, Duration.ofMinutes(2), null);
    }
}
