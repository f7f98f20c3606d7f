package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * A runbook sent over the API, kept as the Markdown it was sent as (the stores never parse it).
 *
 * @param title   and {@code version}: from the document, for lists
 */
public record StoredRunbook(String id, String title, String version, String source, String createdBy,
        Instant createdAt) {}
