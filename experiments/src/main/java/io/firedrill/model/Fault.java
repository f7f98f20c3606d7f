package io.firedrill.model;

import java.util.List;

/**
 * The kinds of disturbance, with their spelling and the fields their {@code target} accepts. The
 * target fields of each kind are listed here, in one place, so that the loader's "expected one of"
 * messages and {@code docs/format.md} agree with {@link FaultTarget}.
 */
public enum Fault implements WireName {
    REGION_BLACKOUT("region-blackout", false, "region"),
    REPLICATION_LAG("replication-lag", false, "links", "dataStore", "latency", "jitter", "bandwidth"),
    LINK_PARTITION("link-partition", false, "between", "and", "mode"),
    LATENCY("latency", false, "link", "stream", "latency", "jitter"),
    BANDWIDTH("bandwidth", false, "link", "stream", "rate"),
    RESET_PEER("reset-peer", false, "link", "stream", "timeout"),
    TIMEOUT("timeout", false, "link", "stream", "timeout"),
    SLOW_CLOSE("slow-close", false, "link", "stream", "delay"),
    SLICER("slicer", false, "link", "stream", "averageSize", "sizeVariation", "delay"),
    LIMIT_DATA("limit-data", false, "link", "stream", "bytes"),
    PROCESS_KILL("process-kill", true, "region", "process", "signal"),
    COMMAND("command", true, "region", "command");

    private final String wireName;
    private final boolean instantaneous;
    private final List<String> targetFields;

    Fault(String wireName, boolean instantaneous, String... targetFields) {
        this.wireName = wireName;
        this.instantaneous = instantaneous;
        this.targetFields = List.of(targetFields);
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** Happens once rather than holding for a duration; its step's {@code duration} is optional (0). */
    public boolean instantaneous() {
        return instantaneous;
    }

    /** The fields its {@code target} mapping accepts, in documentation order. */
    public List<String> targetFields() {
        return targetFields;
    }
}
