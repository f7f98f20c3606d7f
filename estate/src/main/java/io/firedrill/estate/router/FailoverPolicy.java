package io.firedrill.estate.router;

import java.util.Locale;

/**
 * Who decides a failover. Game days compare both: automatic failover shows the shortest achievable
 * recovery time, manual failover shows what the runbook and the people following it add.
 */
public enum FailoverPolicy {
    /** The router promotes the other region as soon as the active one is marked down. */
    AUTOMATIC,
    /** The router only records that the active region is down; an operator calls {@code POST /failover}. */
    MANUAL;

    /** The name used in JSON: {@code automatic} or {@code manual}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code text} (case-insensitive), or empty when there is none. */
    public static java.util.Optional<FailoverPolicy> fromWire(String text) {
        for (FailoverPolicy policy : values()) {
            if (policy.wire().equalsIgnoreCase(text.strip())) {
                return java.util.Optional.of(policy);
            }
        }
        return java.util.Optional.empty();
    }
}
