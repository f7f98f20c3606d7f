package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** Experiments by name. Blocking: call from a worker, never from an event loop. */
public interface ExperimentStore {

    /** Stores a new experiment; throws {@link DuplicateException} when the name is taken. */
    StoredExperiment create(String name, String title, String format, String source);

    Optional<StoredExperiment> find(String name);

    /** Every experiment, ordered by name. */
    List<StoredExperiment> list();

    /** Removes it; false when there was none. */
    boolean delete(String name);
}
