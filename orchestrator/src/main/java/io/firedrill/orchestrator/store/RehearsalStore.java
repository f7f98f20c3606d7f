package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** Rehearsals of runbooks during game-day runs, and what people did to each step. Blocking: call from a worker. */
public interface RehearsalStore {

    /** Links a run to its game day and runbook; a run has at most one ({@link DuplicateException}). */
    Rehearsal begin(Rehearsal rehearsal);

    Optional<Rehearsal> find(String runId);

    /** The rehearsals of a game day, oldest first. */
    List<Rehearsal> ofGameDay(String gameDay);

    /**
     * Records an event with the next {@code seq} of its run. A step is started, completed, skipped and acted on at
     * most once: a second one of a kind is a {@link DuplicateException}, and nothing is stored.
     */
    StepEvent record(StepEvent event);

    /** The run's events in the order they were recorded. */
    List<StepEvent> events(String runId);
}
