package io.firedrill.orchestrator.rehearsal;

import io.firedrill.model.Durations;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.StepEvent;
import java.time.Duration;
import java.util.Locale;

/** The lines runbook steps leave on a run's timeline, next to its own transitions. */
final class Notes {
    private Notes() {}

    static String act(Rehearsal r, Rehearsal.Step step, StepEvent e, StepEvent started) {
        StringBuilder line = new StringBuilder("runbook step " + r.position(step.id()) + "/" + r.steps().size() + " "
                + step.id() + " " + switch (e.kind()) {
                    case START -> "started";
                    case COMPLETE -> "completed";
                    case SKIP -> "skipped";
                    case ACTION -> "acted on";
                } + " by " + e.actor() + " (" + e.role() + ")");
        if (e.kind() == StepEvent.Kind.COMPLETE && started != null) {
            Duration took = Duration.ofNanos(e.runNanos() - started.runNanos());
            line.append(String.format(Locale.ROOT, " after %.2f s, expected %s: %s", took.toNanos() / 1e9,
                    Durations.format(step.expected()), took.compareTo(step.expected()) <= 0 ? "under" : "over"));
        }
        if (e.note() != null) {
            line.append(e.kind() == StepEvent.Kind.SKIP ? ": " : "; note: ").append(e.note());
        }
        if (!e.evidence().isEmpty()) {
            line.append("; evidence: ").append(e.evidence().stream().map(x -> x.kind() + " " + x.value()).toList());
        }
        return line.toString();
    }

    static String action(Rehearsal r, Rehearsal.Step step, StepEvent.ActionOutcome outcome) {
        return "runbook step " + r.position(step.id()) + "/" + r.steps().size() + " " + step.id() + " action "
                + (outcome.ok() ? "done" : "FAILED") + " in " + outcome.millis() + " ms: " + outcome.detail();
    }
}
