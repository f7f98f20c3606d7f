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

    /**
     * Replaces title, format and source of an existing experiment; {@code createdAt} stays,
     * {@code updatedAt} moves. False, and nothing stored, when there is none of that name.
     */
    boolean replace(String name, String title, String format, String source);

    /** Removes it; false when there was none. */
    boolean delete(String name);
}
