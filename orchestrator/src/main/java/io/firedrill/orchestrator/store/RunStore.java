package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs and their transitions. Blocking: call from a worker. */
public interface RunStore {

    /** Newest first. */
    List<RunRecord> list();

    Optional<RunRecord> find(String id);

    /** The experiment text the run executed, as it was when the run was requested. */
    Optional<String> source(String id);

    /** Records a new run in {@code state} at {@code at}, with its first transition. */
    RunRecord create(String id, String experiment, String source, String state, Instant at);

    /**
     * Moves a run to {@code state}: one transition row and the run's current state, verdict and cause, in one
     * transaction. Returns the transition.
     */
    RunTransition transition(String id, String state, Instant at, String detail, String verdict, String cause);

    /** The run's transitions, in order. */
    List<RunTransition> transitions(String id);
}
