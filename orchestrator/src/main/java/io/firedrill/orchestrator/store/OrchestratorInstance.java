package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * One orchestrator process that ran on this database.
 *
 * @param id        {@code host/pid/start}: unique per process, and on the same host the pid says whether it lives
 * @param lastSeen  when it last said it was alive
 * @param stoppedAt when it stopped in order; null while it runs, or when it died without saying so
 */
public record OrchestratorInstance(String id, String host, Instant startedAt, Instant lastSeen, Instant stoppedAt) {}
