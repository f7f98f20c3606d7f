package io.firedrill.orchestrator.safety;

import io.firedrill.orchestrator.store.HaltRecord;
import java.util.List;

/**
 * What a HALT did: the halt recorded, each online agent's answer, the agents that did not answer in time, and how
 * long from the call to the last answer.
 *
 * @param runsAborted the runs that were in flight and were told to abort (each reverts its own faults too)
 * @param lastAckMillis from the halt call to the last agent's report; 0 when no agent was online
 */
public record HaltOutcome(HaltRecord halt, int runsAborted, List<AgentAck> agents, List<String> unanswered,
        long lastAckMillis) {

    /**
     * One agent's report.
     *
     * @param ackMillis from the halt call to this report's arrival
     */
    public record AgentAck(String region, int reverted, int linksCleaned, long ackMillis, String detail) {}
}
