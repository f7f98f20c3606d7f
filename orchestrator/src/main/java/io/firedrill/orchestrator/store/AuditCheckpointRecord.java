package io.firedrill.orchestrator.store;

import java.time.Instant;

/** One stored signed checkpoint: the tree head over the first {@code treeSize} entries and its base64 signature. */
public record AuditCheckpointRecord(long seq, long treeSize, String rootHash, Instant at, String keyId,
        String signature) {}
