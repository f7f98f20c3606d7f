package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** Runs. Blocking: call from a worker. */
public interface RunStore {

    /** Newest first. */
    List<RunRecord> list();

    Optional<RunRecord> find(String id);
}
