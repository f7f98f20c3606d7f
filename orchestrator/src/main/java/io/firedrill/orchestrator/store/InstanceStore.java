package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.Optional;

/** The orchestrator processes sharing the database, and their liveness. Blocking: call from a worker. */
public interface InstanceStore {

    /** Records this process as started and alive at {@code at}. */
    void register(String id, String host, Instant at);

    /** This process is still alive at {@code at}. */
    void heartbeat(String id, Instant at);

    /** This process stopped in order at {@code at}. */
    void stopped(String id, Instant at);

    Optional<OrchestratorInstance> find(String id);
}
