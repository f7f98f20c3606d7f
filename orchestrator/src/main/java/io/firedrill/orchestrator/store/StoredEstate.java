package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * An estate registered over the API: the source text as sent (so it can be shown and edited as
 * written). Experiments name it with {@code estate: <name>}.
 *
 * @param name      the estate's name from its document; unique, it is the id in the API
 * @param format    {@code yaml} or {@code json}: how {@code source} is written
 * @param source    the document as submitted
 * @param createdAt when it was first stored
 * @param updatedAt when it was last replaced
 */
public record StoredEstate(String name, String format, String source, Instant createdAt, Instant updatedAt) {}
