package io.firedrill.orchestrator.store;

import java.time.Instant;

/** One HALT: who stopped everything, when and why, and who resumed (null while it is in force). */
public record HaltRecord(String id, Instant haltedAt, String haltedBy, String reason, Instant resumedAt,
        String resumedBy) {

    public boolean inForce() {
        return resumedAt == null;
    }
}
