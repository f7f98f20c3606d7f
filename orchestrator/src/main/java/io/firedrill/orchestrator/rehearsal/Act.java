package io.firedrill.orchestrator.rehearsal;

import io.firedrill.orchestrator.store.StepEvent;

/** What a participant does to a runbook step, as the API's paths name it ({@code .../steps/{step}/start}). */
public enum Act {
    START("start", "started", StepEvent.Kind.START),
    COMPLETE("complete", "completed", StepEvent.Kind.COMPLETE),
    SKIP("skip", "skipped", StepEvent.Kind.SKIP);

    private final String verb;
    private final String past;
    private final StepEvent.Kind kind;

    Act(String verb, String past, StepEvent.Kind kind) {
        this.verb = verb;
        this.past = past;
        this.kind = kind;
    }

    public String verb() {
        return verb;
    }

    public String past() {
        return past;
    }

    StepEvent.Kind kind() {
        return kind;
    }
}
