package io.firedrill.orchestrator.rehearsal;

import io.firedrill.orchestrator.store.StepEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each step of a rehearsal stands, folded from its events: who started, completed or skipped it, and when. */
final class Progress {
    /** A step's state, as the API spells it. */
    enum State {
        PENDING, STARTED, COMPLETED, SKIPPED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean done() {
            return this == COMPLETED || this == SKIPPED;
        }
    }

    /** One step's events; null where that has not happened. */
    record Step(StepEvent start, StepEvent complete, StepEvent skip, StepEvent action) {
        static final Step NOTHING = new Step(null, null, null, null);

        State state() {
            if (skip != null) {
                return State.SKIPPED;
            }
            if (complete != null) {
                return State.COMPLETED;
            }
            return start != null ? State.STARTED : State.PENDING;
        }

        Step with(StepEvent e) {
            return switch (e.kind()) {
                case START -> new Step(e, complete, skip, action);
                case COMPLETE -> new Step(start, e, skip, action);
                case SKIP -> new Step(start, complete, e, action);
                case ACTION -> new Step(start, complete, skip, e);
            };
        }
    }

    private final Map<String, Step> steps = new HashMap<>();

    private Progress() {}

    static Progress of(List<StepEvent> events) {
        Progress p = new Progress();
        events.forEach(e -> p.steps.merge(e.step(), Step.NOTHING.with(e), (old, x) -> old.with(e)));
        return p;
    }

    Step of(String stepId) {
        return steps.getOrDefault(stepId, Step.NOTHING);
    }
}
