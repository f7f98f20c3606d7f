package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * An API token; {@code token} is the secret itself, present only in the answer that issued it.
 *
 * @param id the token's public id, for listing and revoking it
 */
public record IssuedToken(String id, String user, String token, Instant createdAt, Instant revokedAt) {}
