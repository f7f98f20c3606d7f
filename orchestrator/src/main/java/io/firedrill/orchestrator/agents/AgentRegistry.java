package io.firedrill.orchestrator.agents;

import io.firedrill.orchestrator.store.AgentRecord;
import io.firedrill.orchestrator.store.AgentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Who is connected and what is known of the rest: at most one live session per region, plus the last
 * known state of every region's agent (from this run or, after a restart, from the database). Status
 * transitions happen here and nowhere else, each logged once and persisted.
 */
final class AgentRegistry {
    private static final Logger log = LoggerFactory.getLogger(AgentRegistry.class);

    private final Map<String, AgentSession> live = new ConcurrentHashMap<>();
    private final Map<String, AgentView> known = new ConcurrentHashMap<>();
    private final AgentPersister persister;

    AgentRegistry(AgentPersister persister) {
        this.persister = persister;
    }

    /** Takes in the records of earlier runs; any still marked online lost its connection when that run ended. */
    void load(List<AgentRecord> records) {
        for (AgentRecord r : records) {
            AgentView view = AgentView.of(r);
            if (r.status() == AgentStatus.ONLINE) {
                view = view.withStatus(AgentStatus.OFFLINE, "orchestrator restarted");
                persister.save(view.toRecord());
            }
            known.putIfAbsent(r.region(), view);
        }
    }

    /** The session said hello: it is the region's agent now, replacing any earlier connection. */
    void online(AgentSession session) {
        AgentSession previous = live.put(session.region(), session);
        known.remove(session.region());
        if (previous != null && previous != session) {
            withRegion(session.region(), () -> log.info(
                    "agent for region {} connected again from {}; closing its previous connection from {}",
                    session.region(), session.remoteAddress(), previous.remoteAddress()));
            previous.markOffline("replaced by a newer connection");
            previous.close(4000, "replaced by a newer connection");
        }
        AgentView view = session.view();
        withRegion(view.region(), () -> log.info("agent {} (version {}) for region {} is online from {}",
                view.agentId(), view.version(), view.region(), view.remoteAddress()));
        persist(session);
    }

    /**
     * The session is gone. A no-op (false) when it is no longer the region's current session, e.g. the
     * close that follows a replacement or a missed-heartbeat verdict.
     */
    boolean offline(AgentSession session, String reason) {
        if (!live.remove(session.region(), session)) {
            return false;
        }
        AgentView view = session.markOffline(reason);
        known.put(session.region(), view);
        withRegion(view.region(), () -> {
            if (reason.equals("agent stopped")) {
                log.info("agent {} for region {} is offline: {}", view.agentId(), view.region(), reason);
            } else {
                log.warn("agent {} for region {} is offline: {}", view.agentId(), view.region(), reason);
            }
        });
        persister.save(view.toRecord());
        return true;
    }

    /** Writes the session's current state. */
    void persist(AgentSession session) {
        AgentView view = session.persisted();
        if (view.status() == AgentStatus.ONLINE && live.get(session.region()) == session) {
            persister.save(view.toRecord());
        }
    }

    /** Marks offline, and disconnects, every agent that has been silent too long. */
    void sweep(Instant now) {
        for (AgentSession session : live.values()) {
            String reason = session.missedHeartbeats(now);
            if (reason != null && offline(session, reason)) {
                session.close(4001, reason);
            }
        }
    }

    /** Disconnects the region's agent, e.g. when its enrollment is revoked. */
    void disconnect(String region, int code, String reason) {
        AgentSession session = live.get(region);
        if (session != null && offline(session, reason)) {
            session.close(code, reason);
        }
    }

    /** Disconnects every agent (orchestrator shutting down). */
    void disconnectAll(int code, String reason) {
        new ArrayList<>(live.keySet()).forEach(region -> disconnect(region, code, reason));
    }

    Optional<AgentSession> session(String region) {
        return Optional.ofNullable(live.get(region));
    }

    /** Every region's agent, live state first, ordered by region. */
    List<AgentView> list() {
        Map<String, AgentView> merged = new TreeMap<>(known);
        live.values().forEach(s -> merged.put(s.region(), s.view()));
        return List.copyOf(merged.values());
    }

    /** Log lines about one agent carry its region in the MDC, also when logged from the sweep's thread. */
    static void withRegion(String region, Runnable logStatement) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("region", region)) {
            logStatement.run();
        }
    }

    Optional<AgentView> find(String region) {
        AgentSession session = live.get(region);
        return session != null ? Optional.of(session.view()) : Optional.ofNullable(known.get(region));
    }
}
