package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The fires of every schedule. They stay when a schedule is deleted (the record of what happened); a schedule created
 * later under the same name starts a history of its own, so its fires are read from its creation on. Blocking: call
 * from a worker.
 */
public interface ScheduleFireStore {

    /** Records a fire handled now (the store's clock). */
    ScheduleFire record(String schedule, Instant scheduledFor, ScheduleFire.Outcome outcome, String reason,
            String freezeWindow, String runId);

    /** The fires of that schedule handled at or after {@code since}, newest first, at most {@code limit}. */
    List<ScheduleFire> list(String schedule, Instant since, int limit);

    default Optional<ScheduleFire> last(String schedule, Instant since) {
        return list(schedule, since, 1).stream().findFirst();
    }
}
