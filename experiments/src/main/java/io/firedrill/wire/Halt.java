package io.firedrill.wire;

/**
 * Orchestrator &rarr; agent: HALT. Revert every fault held, whatever run or person applied it, and strip every
 * toxic Firedrill added to the agent's own links, including any the agent no longer knows about. Answered with one
 * {@link HaltReport}. Idempotent: halting an agent that holds nothing is answered too.
 *
 * @param reason who halted and why, for the agent's log
 */
public record Halt(String commandId, String reason) implements Message {
    public Halt {
        Fields.require(commandId, "commandId");
        reason = reason == null ? "" : reason;
    }
}
