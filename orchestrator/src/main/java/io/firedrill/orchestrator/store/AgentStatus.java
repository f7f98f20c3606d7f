package io.firedrill.orchestrator.store;

/** What the orchestrator knows of an agent's connection. */
public enum AgentStatus {
    /** Connected and heartbeating. */
    ONLINE,
    /** Connection closed, or three heartbeats missed. */
    OFFLINE
}
