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
    default RunRecord create(String id, String experiment, String source, String state, Instant at) {
        return create(id, experiment, source, state, at, null, null);
    }

    /**
     * The same, executed by the orchestrator process {@code owner} (see {@link InstanceStore}) and started by
     * {@code startedBy} (see {@link RunRecord#startedBy()}).
     */
    RunRecord create(String id, String experiment, String source, String state, Instant at, String owner,
            String startedBy);

    /** A run not in one of the end states, and the orchestrator process that executes it (null: unknown). */
    record Unfinished(String id, String experiment, String state, String owner) {}

    /** Every run whose state is none of {@code endStates}. */
    List<Unfinished> unfinished(List<String> endStates);

    /**
     * Moves a run to {@code state}: one transition row and the run's current state, verdict and cause, in one
     * transaction. Returns the transition.
     */
    RunTransition transition(String id, String state, Instant at, String detail, String verdict, String cause);

    /** The run's transitions, in order. */
    List<RunTransition> transitions(String id);
}
