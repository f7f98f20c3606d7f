package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * One stored audit entry, as written: {@code details} is canonical JSON text and {@code leafHash} the hex RFC 6962
 * leaf hash computed when it was written. Checking that the two still agree is the audit package's business.
 */
public record AuditEntryRecord(long seq, Instant at, String actor, String action, String subject, String details,
        String leafHash) {}
