package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Findings, remediation actions and sign-offs of run reports. Blocking: call from a worker. The store keeps what it
 * is given; whether a report may still change (not signed off) is the caller's rule, checked before each write.
 */
public interface ReportStore {

    ReportFinding addFinding(String runId, String title, String severity, String description, String actor);

    /** Empty when the run has no such finding. */
    Optional<ReportFinding> updateFinding(String runId, String findingId, String title, String severity,
            String description);

    /** Removes the finding and its actions; false when there was none. */
    boolean deleteFinding(String runId, String findingId);

    /** In the order they were added. */
    List<ReportFinding> findings(String runId);

    /** Empty when the run has no such finding. */
    Optional<RemediationAction> addAction(String runId, String findingId, String title, String owner, LocalDate due,
            String status, String retest, String actor);

    /** Empty when the finding has no such action; a null argument keeps what is there. */
    Optional<RemediationAction> updateAction(String runId, String findingId, String actionId, String title,
            String owner, LocalDate due, String status, String retest);

    /** Every action of the run's findings, in the order they were added. */
    List<RemediationAction> actions(String runId);

    /** Records the sign-off at {@code signedAt} (the time the frozen report names); {@link DuplicateException} when the run's report is already signed off. */
    ReportSignOff signOff(String runId, String signedBy, Instant signedAt, String note, String report,
            String sha256);

    Optional<ReportSignOff> signOff(String runId);
}
