package io.firedrill.orchestrator.store;

import java.util.List;

/** Per-region agent tokens, stored hashed. Blocking: call from a worker. */
public interface EnrollmentStore {

    /** Issues a new random token for the region, replacing any earlier one; the result carries the plain token. */
    Enrollment issue(String region);

    /** True when {@code token} is the region's current token (constant-time comparison of hashes). */
    boolean verify(String region, String token);

    /** Enrollments without tokens, ordered by region. */
    List<Enrollment> list();

    /** Removes the region's token; false when there was none. */
    boolean revoke(String region);
}
