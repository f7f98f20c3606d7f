package io.firedrill.orchestrator.store;

import java.time.Instant;

/**
 * A region's enrollment: the agent of that region authenticates with a token whose SHA-256 is kept here.
 * The token itself is shown once, when created, and never stored.
 *
 * @param region    the region
 * @param token     the plain token; only present on the value returned by {@link EnrollmentStore#issue}
 * @param createdAt when it was issued
 */
public record Enrollment(String region, String token, Instant createdAt) {}
