package io.firedrill.agent.proxy;

import java.util.List;
import java.util.Optional;

/**
 * The toxics the proxy knows, with their Toxiproxy spelling and attribute keys (in the order the API
 * lists them). Every key is present in a toxic's JSON; a missing one is 0.
 */
public enum ToxicType {
    LATENCY("latency", "latency", "jitter"),
    BANDWIDTH("bandwidth", "rate"),
    SLOW_CLOSE("slow_close", "delay"),
    TIMEOUT("timeout", "timeout"),
    RESET_PEER("reset_peer", "timeout"),
    SLICER("slicer", "average_size", "size_variation", "delay"),
    LIMIT_DATA("limit_data", "bytes"),
    NOOP("noop");

    private final String wireName;
    private final List<String> attributes;

    ToxicType(String wireName, String... attributes) {
        this.wireName = wireName;
        this.attributes = List.of(attributes);
    }

    public String wireName() {
        return wireName;
    }

    public List<String> attributes() {
        return attributes;
    }

    public static Optional<ToxicType> fromWire(String text) {
        for (ToxicType t : values()) {
            if (t.wireName.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
