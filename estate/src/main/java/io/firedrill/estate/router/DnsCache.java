package io.firedrill.estate.router;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The router's model of Geo DNS with resolver caches: a client keeps the region it was given until the
 * TTL runs out, even when the router has meanwhile chosen another region. This is how real clients keep
 * reaching an old primary for a while after failover. Clients' caches do not expire together: a client's
 * answers last between half and all of the TTL, by its name, as resolvers that cached the record at different
 * moments would have them. So after a failover some clients already reach the new primary while others still
 * reach the old one. Confined to the router's event loop.
 */
final class DnsCache {

    private record Answer(String region, long expiresAtNanos) {}

    private final Map<String, Answer> answers = new HashMap<>();

    /**
     * The region for {@code client} now: its cached answer while that is fresh, otherwise {@code current}
     * (cached for {@code ttl}). With a zero TTL nothing is cached.
     */
    String resolve(String client, String current, Duration ttl, long nowNanos) {
        if (ttl.isZero()) {
            return current;
        }
        Answer answer = answers.get(client);
        if (answer == null || nowNanos - answer.expiresAtNanos() >= 0) {
            answer = new Answer(current, nowNanos + lifetime(client, ttl));
            answers.put(client, answer);
        }
        return answer.region();
    }

    /** Half the TTL plus a share of the other half that depends only on the client's name. */
    private static long lifetime(String client, Duration ttl) {
        double share = Math.floorMod(client.hashCode() * 0x9E3779B9, 1000) / 1000.0;
        return (long) (ttl.toNanos() * (0.5 + 0.5 * share));
    }

    void purgeExpired(long nowNanos) {
        answers.values().removeIf(answer -> nowNanos - answer.expiresAtNanos() >= 0);
    }

    void clear() {
        answers.clear();
    }

    int size() {
        return answers.size();
    }
}
