package io.firedrill.agent.proxy;

import java.util.Optional;

/** The two links of a proxied connection: client to upstream, and upstream back to the client. */
public enum Direction {
    UPSTREAM("upstream"),
    DOWNSTREAM("downstream");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling in the Toxiproxy API: {@code upstream} or {@code downstream}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Direction> fromWire(String text) {
        for (Direction d : values()) {
            if (d.wireName.equals(text)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
