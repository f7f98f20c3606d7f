package io.firedrill.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The wire name of every message kind: the one explicit registry the codec reads (no reflection, no
 * static registry filled from elsewhere).
 */
public final class MessageTypes {
    private final Map<String, Class<? extends Message>> byName;
    private final Map<Class<? extends Message>, String> byClass;

    private MessageTypes(Map<String, Class<? extends Message>> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        Map<Class<? extends Message>, String> reverse = new LinkedHashMap<>();
        byName.forEach((name, type) -> reverse.put(type, name));
        this.byClass = Collections.unmodifiableMap(reverse);
    }

    /** Protocol version 1. Adding a message kind: one line here (plus the record and its {@code permits} entry). */
    public static MessageTypes standard() {
        Map<String, Class<? extends Message>> m = new LinkedHashMap<>();
        m.put("hello", Hello.class);
        m.put("welcome", Welcome.class);
        m.put("heartbeat", Heartbeat.class);
        m.put("time-sync-request", TimeSyncRequest.class);
        m.put("time-sync-reply", TimeSyncReply.class);
        m.put("error", ProtocolError.class);
        m.put("fault-apply", FaultApply.class);
        m.put("fault-revert", FaultRevert.class);
        m.put("lease-renew", LeaseRenew.class);
        m.put("fault-report", FaultReport.class);
        m.put("probe-start", ProbeStart.class);
        m.put("probe-stop", ProbeStop.class);
        m.put("probe-results", ProbeResults.class);
        m.put("probe-report", ProbeReport.class);
        m.put("halt", Halt.class);
        m.put("halt-report", HaltReport.class);
        m.put("fault-inventory", FaultInventory.class);
        return new MessageTypes(m);
    }

    public Optional<Class<? extends Message>> typeOf(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The wire name of a message; throws for an unregistered kind, which is a programming error. */
    public String nameOf(Message message) {
        String name = byClass.get(message.getClass());
        if (name == null) {
            throw new IllegalArgumentException(
                    message.getClass().getSimpleName() + " is not registered in MessageTypes.standard()");
        }
        return name;
    }

    /** Every wire name, sorted, for error messages that list what is accepted. */
    public SortedSet<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    public boolean isRegistered(Class<?> type) {
        return byClass.containsKey(type);
    }
}
