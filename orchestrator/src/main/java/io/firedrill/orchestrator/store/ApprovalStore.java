package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Approvals of production runs. Pending and approved approvals whose time is up are recorded {@code expired} when
 * next read. Blocking: call from a worker.
 */
public interface ApprovalStore {

    Approval request(String experiment, String estate, String requestedBy, String reason, Instant expiresAt);

    Optional<Approval> find(String id);

    /** Newest first; {@code state} null for all. */
    List<Approval> list(String state);

    /**
     * Records a decision on a pending approval.
     *
     * @throws IllegalStateException naming why when it is not pending (decided, expired) or the decider requested it
     */
    Approval decide(String id, String decider, boolean approve, String note);

    /** Takes an approved, unexpired, unused approval of the experiment for the run, atomically; empty when none. */
    Optional<Approval> consume(String experiment, String runId);
}
