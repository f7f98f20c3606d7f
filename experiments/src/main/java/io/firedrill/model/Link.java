package io.firedrill.model;

import java.util.Objects;

/**
 * A named network path that runs through a fault proxy: clients connect to {@code listen}, the proxy
 * forwards to {@code upstream}. Network faults act on links, never on raw sockets.
 *
 * @param name  {@code <from>-><to>} with an optional {@code /<purpose>}, such as {@code eu-west->us-east/replication}
 * @param from  a region, a region-less service (such as the router), or {@value #USERS}
 * @param to    the region the traffic enters
 * @param agent the agent that runs the proxy; by default the agent of the {@code to} region, so the
 *              proxy sits beside the upstream it guards and survives a fault on the client side
 */
public record Link(String name, String from, String to, String agent, HostPort listen, HostPort upstream, Kind kind) {
    /** The {@code from} of links that carry end-user traffic into a region. */
    public static final String USERS = "users";

    public Link {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(kind, "kind");
    }

    /** What the link carries; faults may treat the kinds differently (a blackout cuts all of them). */
    public enum Kind implements WireName {
        TRAFFIC("traffic"),
        REPLICATION("replication"),
        HEALTH("health");

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
