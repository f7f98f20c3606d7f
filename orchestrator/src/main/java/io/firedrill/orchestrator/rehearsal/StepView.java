package io.firedrill.orchestrator.rehearsal;

import io.firedrill.model.Durations;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.StepEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One runbook step of a run as the API shows it: where it stands, who started and ended it and when (orchestrator
 * time and seconds on the run's own timeline, as its artefacts count them), how long it took against what the
 * runbook expects, and what its http action got.
 *
 * @param elapsedSeconds completed: from start to completion; started: so far; otherwise null
 * @param deltaSeconds   elapsed minus expected: negative when quicker than the runbook expects
 * @param timing         {@code under} (at most the expected time) or {@code over}; null without an elapsed time
 */
public record StepView(int position, String id, String title, String role, String state, String expected,
        double expectedSeconds, Mark started, Mark completed, Mark skipped, Double elapsedSeconds, Double deltaSeconds,
        String timing, ActionView action) {

    /** Who did something to the step, in which game-day role, when, and what they wrote and kept. */
    public record Mark(String by, String role, Instant at, double runSeconds, String note,
            List<StepEvent.Evidence> evidence) {
        static Mark of(StepEvent e) {
            return e == null ? null : new Mark(e.actor(), e.role(), e.at(), seconds(e.runNanos()), e.note(),
                    e.evidence());
        }
    }

    /** The step's http action and, once the step is completed, what it got. */
    public record ActionView(String method, String target, String url, Outcome outcome) {}

    /** What an action's request got; {@code status} null when no answer came. */
    public record Outcome(boolean ok, Integer status, long millis, String detail, Instant at, double runSeconds) {}

    static StepView of(int position, Rehearsal.Step step, Progress.Step p, Instant now) {
        Duration elapsed = null;
        if (p.complete() != null && p.start() != null) {
            elapsed = Duration.ofNanos(p.complete().runNanos() - p.start().runNanos());
        } else if (p.state() == Progress.State.STARTED) {
            elapsed = Duration.between(p.start().at(), now);
        }
        ActionView action = null;
        if (step.action() != null) {
            StepEvent a = p.action();
            Outcome outcome = a == null || a.action() == null ? null : new Outcome(a.action().ok(),
                    a.action().status(), a.action().millis(), a.action().detail(), a.at(), seconds(a.runNanos()));
            action = new ActionView(step.action().method(), step.action().target(), step.action().url(), outcome);
        }
        return new StepView(position, step.id(), step.title(), step.role(), p.state().wire(),
                Durations.format(step.expected()), seconds(step.expected().toNanos()), Mark.of(p.start()),
                Mark.of(p.complete()), Mark.of(p.skip()), elapsed == null ? null : seconds(elapsed.toNanos()),
                elapsed == null ? null : seconds(elapsed.minus(step.expected()).toNanos()),
                elapsed == null ? null : elapsed.compareTo(step.expected()) <= 0 ? "under" : "over", action);
    }

    /** Nanoseconds as seconds to the millisecond. */
    static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }
}
