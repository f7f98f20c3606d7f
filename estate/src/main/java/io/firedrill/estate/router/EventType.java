package io.firedrill.estate.router;

/**
 * What a {@link RouterEvent} records. The measurement timeline reads three of them: {@link #REGION_DOWN}
 * of the active region is detection (T1), {@link #FAILOVER_DECIDED} is the decision (T2) and the
 * following {@link #PROMOTION_DONE} is promotion complete (T3).
 */
public enum EventType {
    /** The router is listening; the detail lists its settings. */
    ROUTER_STARTED("router-started"),
    /** A region failed {@code failureThreshold} consecutive health checks. */
    REGION_DOWN("region-down"),
    /** A region marked down answered a health check again. */
    REGION_UP("region-up"),
    /** Failover to the event's region was decided, by the router (automatic) or an operator. */
    FAILOVER_DECIDED("failover-decided"),
    /** An automatic failover whose promotion had failed was dropped because the active region came back. */
    FAILOVER_ABANDONED("failover-abandoned"),
    /** The event's region accepted {@code /admin/promote} and is now active at the event's epoch. */
    PROMOTION_DONE("promotion-done"),
    /** A promotion call failed; automatic failover retries on the next health-check tick. */
    PROMOTION_FAILED("promotion-failed"),
    /** The event's region accepted {@code /admin/fence}: it no longer takes writes. */
    FENCED("fenced"),
    /** Fencing a stale primary failed (recorded once per run of failures). */
    FENCE_FAILED("fence-failed"),
    /** {@code POST /failback} started. */
    FAILBACK_STARTED("failback-started"),
    /** The event's region accepted {@code /admin/resync}: it is a replica of the active region. */
    RESYNC_DONE("resync-done"),
    /** During failback, the returning region caught up with the active one. */
    CAUGHT_UP("caught-up"),
    /** Failback finished. */
    FAILBACK_DONE("failback-done"),
    /** A failback step failed; the detail names it and where traffic goes now. */
    FAILBACK_FAILED("failback-failed"),
    /** Traffic was moved to another region without a promotion (after a failed failback). */
    ACTIVE_CHANGED("active-changed"),
    /** {@code POST /router/settings} changed something; the detail lists old and new values. */
    SETTINGS_CHANGED("settings-changed");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** The name used in JSON, e.g. {@code region-down}. */
    public String wire() {
        return wire;
    }
}
