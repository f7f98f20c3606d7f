package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RehearsalStore} shows, whatever the database. */
abstract class RehearsalStoreContract extends StoreContract {
    private static final List<Rehearsal.Step> STEPS = List.of(
            new Rehearsal.Step("detect", "Notice", "on-call", Duration.ofMinutes(2), null),
            new Rehearsal.Step("trigger-failover", "Fail over", "on-call", Duration.ofSeconds(90),
                    new Rehearsal.Action("POST", "router", "http://127.0.0.1:18080/failover", "{\"to\": \"us-east\"}")));

    private Rehearsal rehearsal(String runId, Instant at) {
        return new Rehearsal(runId, "q4-drill", "region-blackout", "regional-failover", "1.0", "---\nid: x\n", STEPS,
                "alice", at);
    }

    @Test
    void aRehearsalKeepsTheStepsAndActionsItWasStartedWith() {
        Rehearsal begun = db.rehearsals().begin(rehearsal("r-1", NOW));

        assertThat(begun.startedAt()).isEqualTo(NOW_IN_MICROS);
        Rehearsal found = reopen().rehearsals().find("r-1").orElseThrow();
        assertThat(found).isEqualTo(begun);
        assertThat(found.steps()).containsExactlyElementsOf(STEPS);
        assertThat(found.step("trigger-failover").orElseThrow().action().url())
                .isEqualTo("http://127.0.0.1:18080/failover");
        assertThat(found.position("trigger-failover")).isEqualTo(2);
        assertThat(db.rehearsals().find("r-2")).isEmpty();
    }

    @Test
    void aRunHasOneRehearsalAndAGameDayListsItsOwnOldestFirst() {
        db.rehearsals().begin(rehearsal("r-2", NOW.plusSeconds(60)));
        db.rehearsals().begin(rehearsal("r-1", NOW));
        db.rehearsals().begin(new Rehearsal("r-3", "other", "e", "rb", "1", "s", STEPS, "bob", NOW));

        assertThatThrownBy(() -> db.rehearsals().begin(rehearsal("r-1", NOW))).isInstanceOf(DuplicateException.class)
                .hasMessage("run r-1 has a rehearsal already");
        assertThat(db.rehearsals().ofGameDay("q4-drill")).extracting(Rehearsal::runId).containsExactly("r-1", "r-2");
    }

    @Test
    void eventsAreNumberedInOrderWithTheirNotesEvidenceAndActionOutcomes() {
        db.rehearsals().begin(rehearsal("r-1", NOW));
        List<StepEvent.Evidence> evidence = List.of(new StepEvent.Evidence("link", "https://chat.example/42"),
                new StepEvent.Evidence("command-output", "HTTP/1.1 502"));
        StepEvent start = db.rehearsals().record(event("detect", StepEvent.Kind.START, null, List.of(), null));
        StepEvent complete = db.rehearsals().record(event("detect", StepEvent.Kind.COMPLETE, "users hit", evidence,
                null));
        StepEvent.ActionOutcome outcome = new StepEvent.ActionOutcome(false, 409, 12, "POST ... answered 409: no");
        db.rehearsals().record(event("trigger-failover", StepEvent.Kind.SKIP, "router did it", List.of(), null));
        db.rehearsals().record(event("trigger-failover", StepEvent.Kind.ACTION, null, List.of(), outcome));

        assertThat(start.seq()).isEqualTo(1);
        assertThat(complete.seq()).isEqualTo(2);
        List<StepEvent> events = reopen().rehearsals().events("r-1");
        assertThat(events).extracting(StepEvent::seq).containsExactly(1, 2, 3, 4);
        assertThat(events.get(1)).isEqualTo(complete);
        assertThat(events.get(1).evidence()).containsExactlyElementsOf(evidence);
        assertThat(events.get(1).runNanos()).isEqualTo(1_234_567_890_123L);
        assertThat(events.get(0).note()).isNull();
        assertThat(events.get(3).action()).isEqualTo(outcome);
        assertThat(events.get(2).action()).isNull();
        assertThat(db.rehearsals().events("r-2")).isEmpty();
    }

    @Test
    void eachKindOfEventHappensOnceAStepAndASecondOneStoresNothing() {
        db.rehearsals().begin(rehearsal("r-1", NOW));
        db.rehearsals().record(event("detect", StepEvent.Kind.START, "first", List.of(), null));

        assertThatThrownBy(() -> db.rehearsals().record(event("detect", StepEvent.Kind.START, "second", List.of(),
                null))).isInstanceOf(DuplicateException.class).hasMessage("step detect of run r-1 has a start already");
        assertThat(db.rehearsals().events("r-1")).extracting(StepEvent::note).containsExactly("first");
    }

    private static StepEvent event(String step, StepEvent.Kind kind, String note, List<StepEvent.Evidence> evidence,
            StepEvent.ActionOutcome action) {
        return new StepEvent("r-1", 0, step, kind, "alice", "on-call", NOW, 1_234_567_890_123L, note, evidence,
                action);
    }
}
