package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** Runbooks sent over the API, by id. Blocking: call from a worker. */
public interface RunbookStore {

    /** Stores a new runbook; a taken id is a {@link DuplicateException}. */
    StoredRunbook create(String id, String title, String version, String source, String actor);

    Optional<StoredRunbook> find(String id);

    /** Every stored runbook, by id. */
    List<StoredRunbook> list();

    /** Removes it; false when there was none. */
    boolean delete(String id);
}
