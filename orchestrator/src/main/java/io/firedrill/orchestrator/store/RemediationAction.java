package io.firedrill.orchestrator.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What will be done about a finding: {@code owner} is a user's name, {@code status} open, in-progress or done, and
 * {@code retest} how the fix will be shown to work (null: not said yet).
 */
public record RemediationAction(String id, String findingId, String runId, String title, String owner, LocalDate due,
        String status, String retest, String createdBy, Instant createdAt, Instant updatedAt) {}
