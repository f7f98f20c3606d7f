package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * An experiment as the orchestrator keeps it: the source text the user sent (so it can be shown and
 * edited as written) plus the few fields lists need.
 *
 * @param name      the experiment's name; unique, it is the id in the API
 * @param title     one-line title from the document
 * @param format    {@code yaml} or {@code json}: how {@code source} is written
 * @param source    the document as submitted
 * @param createdAt when it was first stored
 * @param updatedAt when it was last replaced
 */
public record StoredExperiment(
        String name, String title, String format, String source, Instant createdAt, Instant updatedAt) {}
