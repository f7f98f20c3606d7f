package io.firedrill.orchestrator.schedule;

import io.firedrill.model.Experiment;

/**
 * Reads a stored experiment for a game day, validated as {@code POST /api/v1/runs?experiment=NAME} would. The
 * implementation lives with the API, which owns how documents are loaded; blocking (JDBC): call from a worker.
 */
@FunctionalInterface
public interface ExperimentLoader {

    /**
     * The experiment and the text it was stored as.
     *
     * @throws Unavailable when none of that name is stored or it is not valid (any more), saying which
     */
    Stored load(String name);

    record Stored(Experiment experiment, String source) {}

    /** Why a stored experiment cannot be run, in a sentence for people that names the experiment. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
