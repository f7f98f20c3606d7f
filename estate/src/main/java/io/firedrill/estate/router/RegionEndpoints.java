package io.firedrill.estate.router;

import java.util.Objects;

/**
 * How the router reaches one region. Both addresses are listens of link proxies, never the app itself,
 * because faults act on links: a fault on {@code users-><region>} must hurt user traffic and nothing
 * else, a fault on {@code router-><region>/health} must blind the router's health checks and admin calls.
 *
 * @param name       the region's name, e.g. {@code eu-west}
 * @param usersUrl   base URL of the link carrying user traffic to the region's app, e.g.
 *                   {@code http://127.0.0.1:18201}
 * @param controlUrl base URL of the link carrying the router's health checks and admin calls to the same
 *                   app, e.g. {@code http://127.0.0.1:18204}
 */
public record RegionEndpoints(String name, String usersUrl, String controlUrl) {

    public RegionEndpoints {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("region name must not be blank");
        }
        Target.parse(usersUrl, "usersUrl of region " + name);
        Target.parse(controlUrl, "controlUrl of region " + name);
    }
}
