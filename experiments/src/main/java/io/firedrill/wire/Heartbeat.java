package io.firedrill.wire;

/**
 * Agent &rarr; orchestrator, every heartbeat interval while connected.
 *
 * @param seq             1 for the first heartbeat of a connection, then +1
 * @param agentTimeMicros the agent's clock when it sent this
 */
public record Heartbeat(long seq, long agentTimeMicros) implements Message {}
