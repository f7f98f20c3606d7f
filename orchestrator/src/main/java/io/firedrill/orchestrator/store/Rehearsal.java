package io.firedrill.orchestrator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run started by a game day, and the runbook its participants rehearse during it, as the runbook was when the run
 * started: a report of the run stays true after the runbook changes or the game day is deleted.
 *
 * @param runbookSource the runbook's Markdown as rehearsed
 * @param steps         the runbook's steps in order, with their http actions resolved against the run's estate
 */
public record Rehearsal(String runId, String gameDay, String experiment, String runbook, String runbookVersion,
        String runbookSource, List<Step> steps, String startedBy, Instant startedAt) {

    public Rehearsal {
        steps = List.copyOf(steps);
    }

    /**
     * One runbook step as rehearsed.
     *
     * @param role   as written in the runbook ({@code on-call}, ...)
     * @param action the http request the orchestrator makes when the step is completed; null for a step people do
     *               by hand
     */
    public record Step(String id, String title, String role, Duration expected, Action action) {
        public Step {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(expected, "expected");
        }
    }

    /**
     * An http action with its target resolved: {@code url} is the estate's endpoint of {@code target} plus the path.
     *
     * @param body JSON sent as {@code application/json}; null for none
     */
    public record Action(String method, String target, String url, String body) {}

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The step's position, from 1; 0 when there is no such step. */
    public int position(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return 0;
    }
}
