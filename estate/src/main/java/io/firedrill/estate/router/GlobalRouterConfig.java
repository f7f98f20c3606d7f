package io.firedrill.estate.router;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the global router needs to start. The defaults are those of the reference estate; tests
 * shorten the intervals. Policy, fencing, DNS TTL, health interval and failure threshold can also be
 * changed at run time through {@code POST /router/settings}, because game days switch them between
 * scenarios without restarting the estate.
 *
 * @param regions          exactly two regions; the first is active (primary) at start
 * @param healthInterval   how often each region's health is checked
 * @param failureThreshold consecutive failed checks after which a region is marked down (K)
 * @param healthTimeout    how long one health check may take; {@code null} derives it from the interval
 *                         ({@link #derivedHealthTimeout(Duration)})
 * @param policy           who decides failover
 * @param fencing          whether the router fences an old primary that comes back after a failover
 * @param dnsTtl           how long a client keeps the region it was given (0: every request follows the
 *                         router's current choice)
 * @param requestTimeout   how long a forwarded user request may take before the router answers 504
 * @param initialEpoch     the epoch of the first region's primacy at start
 * @param adminTimeout     how long a promote or fence call may take (PostgreSQL promotion takes seconds)
 * @param resyncTimeout    how long a resync call may take (it may copy a whole database)
 * @param catchUpTimeout   how long failback waits for the returning region to catch up, and for the
 *                         last changes to arrive during a planned switchover
 * @param clock            the clock of event and health-check times
 */
public record GlobalRouterConfig(
        List<RegionEndpoints> regions,
        Duration healthInterval,
        int failureThreshold,
        Duration healthTimeout,
        FailoverPolicy policy,
        boolean fencing,
        Duration dnsTtl,
        Duration requestTimeout,
        long initialEpoch,
        Duration adminTimeout,
        Duration resyncTimeout,
        Duration catchUpTimeout,
        Clock clock) {

    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofMillis(500);
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_ADMIN_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RESYNC_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    /** Shortest health-check timeout derived from the interval. */
    public static final Duration MIN_DERIVED_HEALTH_TIMEOUT = Duration.ofMillis(100);
    /** Shortest health interval accepted: shorter ones would only load the links. */
    public static final Duration MIN_HEALTH_INTERVAL = Duration.ofMillis(10);
    /** Highest failure threshold accepted. */
    public static final int MAX_FAILURE_THRESHOLD = 1000;

    public GlobalRouterConfig {
        regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
        if (regions.size() != 2) {
            throw new IllegalArgumentException("the router serves exactly two regions, got " + regions.size());
        }
        Set<String> names = new HashSet<>();
        for (RegionEndpoints region : regions) {
            if (!names.add(region.name())) {
                throw new IllegalArgumentException("region '" + region.name() + "' is listed twice");
            }
        }
        requireAtLeast("healthInterval", healthInterval, MIN_HEALTH_INTERVAL);
        if (failureThreshold < 1 || failureThreshold > MAX_FAILURE_THRESHOLD) {
            throw new IllegalArgumentException("failureThreshold must be from 1 to " + MAX_FAILURE_THRESHOLD
                    + ", got " + failureThreshold);
        }
        if (healthTimeout != null) {
            requireAtLeast("healthTimeout", healthTimeout, Duration.ofMillis(1));
        }
        Objects.requireNonNull(policy, "policy");
        requireAtLeast("dnsTtl", dnsTtl, Duration.ZERO);
        requireAtLeast("requestTimeout", requestTimeout, Duration.ofMillis(1));
        if (initialEpoch < 1) {
            throw new IllegalArgumentException("initialEpoch must be at least 1, got " + initialEpoch);
        }
        requireAtLeast("adminTimeout", adminTimeout, Duration.ofMillis(1));
        requireAtLeast("resyncTimeout", resyncTimeout, Duration.ofMillis(1));
        requireAtLeast("catchUpTimeout", catchUpTimeout, Duration.ofMillis(1));
        Objects.requireNonNull(clock, "clock");
    }

    /** The reference estate's defaults for {@code regions} (first = active at start). */
    public static GlobalRouterConfig of(List<RegionEndpoints> regions) {
        return new GlobalRouterConfig(regions, DEFAULT_HEALTH_INTERVAL, DEFAULT_FAILURE_THRESHOLD, null,
                FailoverPolicy.AUTOMATIC, true, Duration.ZERO, DEFAULT_REQUEST_TIMEOUT, 1,
                DEFAULT_ADMIN_TIMEOUT, DEFAULT_RESYNC_TIMEOUT, DEFAULT_CATCH_UP_TIMEOUT, Clock.systemUTC());
    }

    /** The reference estate's defaults for two regions, {@code primary} active at start. */
    public static GlobalRouterConfig of(RegionEndpoints primary, RegionEndpoints replica) {
        return of(List.of(primary, replica));
    }

    /** 80 % of the interval, at least {@link #MIN_DERIVED_HEALTH_TIMEOUT}. */
    public static Duration derivedHealthTimeout(Duration healthInterval) {
        Duration derived = healthInterval.multipliedBy(4).dividedBy(5);
        return derived.compareTo(MIN_DERIVED_HEALTH_TIMEOUT) < 0 ? MIN_DERIVED_HEALTH_TIMEOUT : derived;
    }

    /** The health-check timeout in force: the configured one, or the one derived from the interval. */
    public Duration effectiveHealthTimeout() {
        return healthTimeout != null ? healthTimeout : derivedHealthTimeout(healthInterval);
    }

    public GlobalRouterConfig withHealthInterval(Duration value) {
        return new GlobalRouterConfig(regions, value, failureThreshold, healthTimeout, policy, fencing, dnsTtl,
                requestTimeout, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withFailureThreshold(int value) {
        return new GlobalRouterConfig(regions, healthInterval, value, healthTimeout, policy, fencing, dnsTtl,
                requestTimeout, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    /** {@code null} goes back to the timeout derived from the interval. */
    public GlobalRouterConfig withHealthTimeout(Duration value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, value, policy, fencing, dnsTtl,
                requestTimeout, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withPolicy(FailoverPolicy value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, value, fencing,
                dnsTtl, requestTimeout, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withFencing(boolean value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, value,
                dnsTtl, requestTimeout, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withDnsTtl(Duration value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, fencing,
                value, requestTimeout, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withRequestTimeout(Duration value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, fencing,
                dnsTtl, value, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withInitialEpoch(long value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, fencing,
                dnsTtl, requestTimeout, value, adminTimeout, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withAdminTimeout(Duration value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, fencing,
                dnsTtl, requestTimeout, initialEpoch, value, resyncTimeout, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withResyncTimeout(Duration value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, fencing,
                dnsTtl, requestTimeout, initialEpoch, adminTimeout, value, catchUpTimeout, clock);
    }

    public GlobalRouterConfig withCatchUpTimeout(Duration value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, fencing,
                dnsTtl, requestTimeout, initialEpoch, adminTimeout, resyncTimeout, value, clock);
    }

    public GlobalRouterConfig withClock(Clock value) {
        return new GlobalRouterConfig(regions, healthInterval, failureThreshold, healthTimeout, policy, fencing,
                dnsTtl, requestTimeout, initialEpoch, adminTimeout, resyncTimeout, catchUpTimeout, value);
    }

    private static void requireAtLeast(String field, Duration value, Duration min) {
        Objects.requireNonNull(value, field);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(field + " must be at least " + min.toMillis() + " ms, got " + value);
        }
    }
}
