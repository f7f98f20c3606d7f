package io.firedrill.model;

import java.net.URI;
import java.util.Objects;

/**
 * A client that makes uniquely keyed writes through the front door during the run, and records each
 * one in the history from which RTO and RPO are measured.
 *
 * @param rate        writes per second, across all concurrent clients
 * @param concurrency how many clients write in parallel
 * @param keyPrefix   prefix of every key written, so runs never collide in a shared store
 * @param through     the URL the writes go to; defaults to the estate's front door
 */
public record Workload(Type type, double rate, int concurrency, String keyPrefix, URI through) {
    public Workload {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(through, "through");
        if (!(rate > 0) || concurrency < 1) {
            throw new IllegalArgumentException("rate and concurrency must be positive");
        }
    }

    public enum Type implements WireName {
        WRITES("writes");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
