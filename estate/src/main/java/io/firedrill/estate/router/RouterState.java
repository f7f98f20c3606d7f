package io.firedrill.estate.router;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The router's mutable state: current settings, the active region and epoch, per-region health, and
 * what operation is running. Changed only on the router's event loop; the few fields Java callers read
 * from other threads are volatile.
 */
final class RouterState {
    private final GlobalRouterConfig config;
    private final List<RegionState> regions = new ArrayList<>();
    private final DnsCache dnsCache = new DnsCache();

    private volatile String active;
    private volatile long epoch;
    private long highestEpochSeen;

    private FailoverPolicy policy;
    private boolean fencing;
    private Duration dnsTtl;
    private Duration healthInterval;
    private int failureThreshold;

    private String operation;
    private volatile boolean switchover;
    private String pendingFailover;
    private boolean stopped;

    RouterState(GlobalRouterConfig config) {
        this.config = config;
        config.regions().forEach(endpoints -> regions.add(new RegionState(endpoints)));
        this.active = config.regions().get(0).name();
        this.epoch = config.initialEpoch();
        this.highestEpochSeen = config.initialEpoch();
        this.policy = config.policy();
        this.fencing = config.fencing();
        this.dnsTtl = config.dnsTtl();
        this.healthInterval = config.healthInterval();
        this.failureThreshold = config.failureThreshold();
    }

    List<RegionState> regions() {
        return regions;
    }

    /** The region named {@code name}, or {@code null}. */
    RegionState region(String name) {
        for (RegionState region : regions) {
            if (region.name().equals(name)) {
                return region;
            }
        }
        return null;
    }

    RegionState activeRegion() {
        return region(active);
    }

    RegionState otherThan(RegionState region) {
        return regions.get(0) == region ? regions.get(1) : regions.get(0);
    }

    String active() {
        return active;
    }

    long epoch() {
        return epoch;
    }

    /** Routes to {@code region} from now on, at {@code newEpoch}. */
    void activate(String region, long newEpoch) {
        active = region;
        epoch = newEpoch;
        observeEpoch(newEpoch);
    }

    /** Remembers an epoch some region reported, so the next promotion is above every epoch in use. */
    void observeEpoch(long seen) {
        highestEpochSeen = Math.max(highestEpochSeen, seen);
    }

    /** The epoch for the next promotion: one above both the router's epoch and any epoch a region reported. */
    long nextEpoch() {
        return Math.max(epoch, highestEpochSeen) + 1;
    }

    FailoverPolicy policy() {
        return policy;
    }

    void policy(FailoverPolicy value) {
        policy = value;
    }

    boolean fencing() {
        return fencing;
    }

    void fencing(boolean value) {
        fencing = value;
    }

    Duration dnsTtl() {
        return dnsTtl;
    }

    void dnsTtl(Duration value) {
        dnsTtl = value;
        dnsCache.clear();
    }

    Duration healthInterval() {
        return healthInterval;
    }

    void healthInterval(Duration value) {
        healthInterval = value;
    }

    /** The configured health timeout, or the one derived from the current interval. */
    Duration healthTimeout() {
        return config.healthTimeout() != null ? config.healthTimeout()
                : GlobalRouterConfig.derivedHealthTimeout(healthInterval);
    }

    int failureThreshold() {
        return failureThreshold;
    }

    void failureThreshold(int value) {
        failureThreshold = value;
    }

    GlobalRouterConfig config() {
        return config;
    }

    Clock clock() {
        return config.clock();
    }

    DnsCache dnsCache() {
        return dnsCache;
    }

    /** The running failover or failback, or {@code null}. */
    String operation() {
        return operation;
    }

    void operation(String name) {
        operation = name;
    }

    /** Whether a planned switchover is between fencing the old primary and promoting the new one. */
    boolean switchover() {
        return switchover;
    }

    void switchover(boolean value) {
        switchover = value;
    }

    /** The reason of an automatic failover decided but not yet promoted, or {@code null}. */
    String pendingFailover() {
        return pendingFailover;
    }

    void pendingFailover(String reason) {
        pendingFailover = reason;
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    JsonObject toJson() {
        JsonArray regionsJson = new JsonArray();
        regions.forEach(region -> regionsJson.add(region.toJson(region.name().equals(active))));
        return new JsonObject()
                .put("active", active)
                .put("epoch", epoch)
                .put("policy", policy.wire())
                .put("fencing", fencing)
                .put("healthIntervalMillis", healthInterval.toMillis())
                .put("healthTimeoutMillis", healthTimeout().toMillis())
                .put("failureThreshold", failureThreshold)
                .put("dnsTtlMillis", dnsTtl.toMillis())
                .put("requestTimeoutMillis", config.requestTimeout().toMillis())
                .put("operation", operation)
                .put("switchover", switchover)
                .put("regions", regionsJson);
    }
}
