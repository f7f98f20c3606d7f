package io.firedrill.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An endpoint of the estate that probes can observe. A service without a region is global (a front
 * door or global load balancer): no regional fault touches it directly.
 *
 * @param endpoint {@code http://host:port} for http, {@code host:port} for tcp, a {@code jdbc:} URL for sql
 * @param health   the health-check path of an http service, such as {@code /health}
 */
public record Service(String name, Optional<String> region, Kind kind, String endpoint, Optional<String> health) {
    public Service {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(health, "health");
    }

    /** The protocol a probe speaks to the service. */
    public enum Kind implements WireName {
        HTTP("http"),
        TCP("tcp"),
        SQL("sql");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
