package io.firedrill.orchestrator.store;

import java.time.Instant;

/** An approver's sign-off of a run's report, with the report as it was then (JSON) and its SHA-256 (hex). */
public record ReportSignOff(String runId, String signedBy, Instant signedAt, String note, String report,
        String sha256) {}
