package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * A request that a second person allow runs of an experiment on a production estate, and what became of it.
 *
 * @param state   {@code pending}, {@code approved}, {@code rejected}, {@code expired} or {@code used} (a run took it)
 * @param runId   the run that used the approval, once one did
 */
public record Approval(String id, String experiment, String estate, String requestedBy, Instant requestedAt,
        String reason, Instant expiresAt, String state, String decidedBy, Instant decidedAt, String note,
        String runId) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String EXPIRED = "expired";
    public static final String USED = "used";
}
