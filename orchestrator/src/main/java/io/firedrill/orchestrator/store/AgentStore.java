package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** Last known agent state per region. Blocking: call from a worker. */
public interface AgentStore {

    /** Inserts or replaces the record for {@code agent.region()}. */
    void save(AgentRecord agent);

    Optional<AgentRecord> find(String region);

    /** Every known agent, ordered by region. */
    List<AgentRecord> list();
}
