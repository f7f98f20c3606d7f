package io.firedrill.wire;

/**
 * A fault on the agent's host, limited to what the agent was started with: a declared process to signal,
 * or a declared command (with its revert command).
 *
 * @param kind   {@code process-kill} or {@code command}
 * @param name   the name under which the operator declared the process or command to the agent
 * @param signal for process-kill, the signal name (SIGTERM, SIGKILL, SIGINT, SIGHUP); null for command
 */
public record HostAction(String kind, String name, String signal) {
    public static final String PROCESS_KILL = "process-kill";
    public static final String COMMAND = "command";

    public HostAction {
        if (!PROCESS_KILL.equals(kind) && !COMMAND.equals(kind)) {
            throw new IllegalArgumentException("field 'kind' must be process-kill or command, was " + kind);
        }
        Fields.require(name, "name");
        if (PROCESS_KILL.equals(kind)) {
            Fields.require(signal, "signal");
        }
    }
}
