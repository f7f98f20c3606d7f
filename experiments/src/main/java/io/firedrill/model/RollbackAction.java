package io.firedrill.model;

import java.util.Objects;

/**
 * An action run after the method, also when the run aborts or is halted. The loader always puts
 * {@link RevertAllFaults} first, whether the document lists it or not: reverting faults is never optional.
 */
public sealed interface RollbackAction {
    String name();

    /** The {@code action} spelling in the format. */
    String action();

    record RevertAllFaults(String name) implements RollbackAction {
        public static final String ACTION = "revert-all-faults";

        public RevertAllFaults {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String action() {
            return ACTION;
        }
    }

    /** Runs a command registered on the agent of {@code region} (names only, never shell text). */
    record RunCommand(String name, String region, String command) implements RollbackAction {
        public static final String ACTION = "command";

        public RunCommand {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String action() {
            return ACTION;
        }
    }
}
