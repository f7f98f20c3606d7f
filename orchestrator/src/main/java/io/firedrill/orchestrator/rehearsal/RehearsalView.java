package io.firedrill.orchestrator.rehearsal;

import java.time.Instant;
import java.util.List;

/**
 * The runbook steps of a game-day run, as {@code GET /runs/{id}/steps} shows them.
 *
 * @param runState the run's state now; steps change only while {@code inFlight}
 */
public record RehearsalView(String runId, String gameDay, String experiment, String runbook, String runbookVersion,
        String runState, boolean inFlight, String startedBy, Instant startedAt, Summary summary,
        List<StepView> steps) {

    /** How many steps stand where; {@code over} counts those that took (or are taking) longer than expected. */
    public record Summary(int steps, int pending, int started, int completed, int skipped, int over) {
        static Summary of(List<StepView> steps) {
            return new Summary(steps.size(), count(steps, "pending"), count(steps, "started"),
                    count(steps, "completed"), count(steps, "skipped"),
                    (int) steps.stream().filter(s -> "over".equals(s.timing())).count());
        }

        private static int count(List<StepView> steps, String state) {
            return (int) steps.stream().filter(s -> s.state().equals(state)).count();
        }
    }
}
