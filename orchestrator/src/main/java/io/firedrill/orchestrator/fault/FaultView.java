package io.firedrill.orchestrator.fault;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A fault as the API shows it.
 *
 * @param state     applying, active, reverting, reverted or failed
 * @param target    the target as written in the format
 * @param appliedAt when the last agent's part took effect, on the orchestrator's timeline (agent time
 *                  corrected by the measured clock offset); null until applied
 * @param expiresAt when the orchestrator reverts it (a duration was given), or null
 * @param parts     each agent's part
 */
public record FaultView(
        String id,
        String estate,
        String fault,
        Object target,
        String state,
        String reason,
        long leaseMillis,
        Instant createdAt,
        Instant appliedAt,
        Instant expiresAt,
        Instant revertedAt,
        List<Part> parts) {

    /**
     * One agent's part of a fault.
     *
     * @param links       the links it acts on, with what it does to each ({@code cut}, or the toxics)
     * @param at          when the agent reported its last change, on the orchestrator's timeline
     * @param errorMicros the bound on {@code at}'s error from the clock-offset estimate, or null if unknown
     */
    public record Part(String region, String state, List<String> links, String host, String detail, Instant at,
            Long errorMicros) {}
}
