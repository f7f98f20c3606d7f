package io.firedrill.orchestrator.safety;

import java.util.Optional;

/** Whether new runs and faults may start; when not, why (a sentence for the person refused). Never blocks. */
@FunctionalInterface
public interface Gate {
    Optional<String> closed();

    static Gate open() {
        return Optional::empty;
    }
}
