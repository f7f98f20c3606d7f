package io.firedrill.estate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a reference estate.
 *
 * @param database         H2 or PostgreSQL in each region
 * @param ports            the loopback ports ({@link PortPlan#DEFAULT} or {@link PortPlan#free()})
 * @param dataDir          where the databases live; empty: a new temporary directory, deleted at stop
 * @param healthInterval   how often the router checks each region (N)
 * @param failureThreshold consecutive failed checks before the router marks a region down (K)
 * @param manualFailover   true: the router only marks the region down and waits for {@code POST /failover}
 * @param fencing          false only to demonstrate split brain: the router sends no epoch tokens and
 *                         fences no old primary
 * @param dnsTtl           how long a client keeps the region the router gave it, like a resolver cache
 */
public record EstateOptions(
        Database database,
        PortPlan ports,
        Optional<Path> dataDir,
        Duration healthInterval,
        int failureThreshold,
        boolean manualFailover,
        boolean fencing,
        Duration dnsTtl) {

    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofMillis(500);
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;

    public EstateOptions {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(dataDir, "dataDir");
        if (healthInterval.toMillis() < 10) {
            throw new IllegalArgumentException("health interval " + healthInterval.toMillis()
                    + " ms: expected at least 10 ms");
        }
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold " + failureThreshold + ": expected at least 1");
        }
        if (dnsTtl.isNegative()) {
            throw new IllegalArgumentException("DNS TTL " + dnsTtl + ": expected 0 or more");
        }
    }

    /** The catalog's layout: default ports, automatic failover after 3 checks 500 ms apart, fencing on. */
    public static EstateOptions defaults(Database database) {
        return new EstateOptions(database, PortPlan.DEFAULT, Optional.empty(), DEFAULT_HEALTH_INTERVAL,
                DEFAULT_FAILURE_THRESHOLD, false, true, Duration.ZERO);
    }

    public EstateOptions withPorts(PortPlan newPorts) {
        return new EstateOptions(database, newPorts, dataDir, healthInterval, failureThreshold, manualFailover,
                fencing, dnsTtl);
    }

    public EstateOptions withDataDir(Path dir) {
        return new EstateOptions(database, ports, Optional.of(dir), healthInterval, failureThreshold, manualFailover,
                fencing, dnsTtl);
    }

    public EstateOptions withHealth(Duration interval, int threshold) {
        return new EstateOptions(database, ports, dataDir, interval, threshold, manualFailover, fencing, dnsTtl);
    }

    public EstateOptions withManualFailover(boolean manual) {
        return new EstateOptions(database, ports, dataDir, healthInterval, failureThreshold, manual, fencing, dnsTtl);
    }

    public EstateOptions withFencing(boolean on) {
        return new EstateOptions(database, ports, dataDir, healthInterval, failureThreshold, manualFailover, on, dnsTtl);
    }

    public EstateOptions withDnsTtl(Duration ttl) {
        return new EstateOptions(database, ports, dataDir, healthInterval, failureThreshold, manualFailover, fencing,
                ttl);
    }
}
