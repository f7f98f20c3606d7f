package io.firedrill.orchestrator.rehearsal;

import io.firedrill.orchestrator.store.GameDay;
import java.time.Instant;
import java.util.List;

/**
 * A game day as the API shows it.
 *
 * @param uncoveredRoles roles the runbook's steps need that no participant has: only the facilitator can act for them
 * @param runs           the runs it started, oldest first
 */
public record GameDayView(String name, RunbookRef runbook, List<String> experiments,
        List<GameDay.Participant> participants, List<String> uncoveredRoles, String createdBy, Instant createdAt,
        List<RunRef> runs) {

    /**
     * The runbook a game day or a rehearsal names; {@code title} and {@code version} are null when it is gone.
     *
     * @param problems why it cannot be used now (its experiments went away, say); empty when it can
     */
    public record RunbookRef(String id, String title, String version, boolean builtIn, List<String> problems) {}

    /** A run of the game day and how it stands. */
    public record RunRef(String runId, String experiment, String state, String verdict, boolean inFlight,
            String startedBy, Instant startedAt) {}

    /** What {@code POST /gamedays/{name}/runs} answers: the run as recorded, and what it rehearses. */
    public record Started(String id, String experiment, String state, Instant createdAt, String gameDay,
            String runbook, String runbookVersion, int steps) {}
}
