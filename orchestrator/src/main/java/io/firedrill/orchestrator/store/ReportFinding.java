package io.firedrill.orchestrator.store;

import java.time.Instant;

/** A finding in a run's report: {@code severity} is low, medium, high or critical (checked by the API). */
public record ReportFinding(String id, String runId, String title, String severity, String description,
        String createdBy, Instant createdAt, Instant updatedAt) {}
