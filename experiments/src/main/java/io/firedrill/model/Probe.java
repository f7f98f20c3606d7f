package io.firedrill.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An observation repeated every {@code interval} from the agent of {@code region}. The steady-state
 * hypothesis holds when each probe's success ratio meets its tolerance.
 *
 * @param target a service of the estate, or a link (then the probe goes through the link's proxy and
 *               sees the faults on it — probing a service directly bypasses every network fault)
 * @param path   the HTTP path for http probes; defaults to the target service's health path, or {@code /}
 */
public record Probe(
        String name,
        Type type,
        String region,
        String target,
        Optional<String> path,
        Duration interval,
        Duration timeout,
        Expectation expect,
        Tolerance tolerance) {

    public Probe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(tolerance, "tolerance");
        if (expect.type() != type) {
            throw new IllegalArgumentException("a " + type.wireName() + " probe cannot have a "
                    + expect.type().wireName() + " expectation");
        }
    }

    /** The protocol of the probe. */
    public enum Type implements WireName {
        HTTP("http"),
        TCP("tcp"),
        SQL("sql");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** How often a probe may fail while the hypothesis still holds: 1.0 means never. */
    public record Tolerance(double successRatio) {
        public static final Tolerance STRICT = new Tolerance(1.0);

        public Tolerance {
            if (!(successRatio >= 0 && successRatio <= 1)) {
                throw new IllegalArgumentException("successRatio must be within 0..1, got " + successRatio);
            }
        }
    }
}
