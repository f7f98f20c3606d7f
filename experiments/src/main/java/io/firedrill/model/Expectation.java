package io.firedrill.model;

import java.util.Objects;

/** What one probe attempt must observe to count as a success; one shape per probe type. */
public sealed interface Expectation {
    Probe.Type type();

    /** The response status must equal {@code status}. */
    record Http(int status) implements Expectation {
        public Http {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be 100-599, got " + status);
            }
        }

        @Override
        public Probe.Type type() {
            return Probe.Type.HTTP;
        }
    }

    /** A TCP connection must open within the timeout. */
    record Tcp() implements Expectation {
        @Override
        public Probe.Type type() {
            return Probe.Type.TCP;
        }
    }

    /** {@code query} must run without error within the timeout. */
    record Sql(String query) implements Expectation {
        public Sql {
            Objects.requireNonNull(query, "query");
        }

        @Override
        public Probe.Type type() {
            return Probe.Type.SQL;
        }
    }
}
