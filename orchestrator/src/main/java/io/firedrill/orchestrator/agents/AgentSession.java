package io.firedrill.orchestrator.agents;

import io.firedrill.orchestrator.store.AgentStatus;
import io.firedrill.wire.DecodeError;
import io.firedrill.wire.Decoded;
import io.firedrill.wire.Envelope;
import io.firedrill.wire.FaultReport;
import io.firedrill.wire.FaultInventory;
import io.firedrill.wire.HaltReport;
import io.firedrill.wire.Heartbeat;
import io.firedrill.wire.Hello;
import io.firedrill.wire.Message;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeReport;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProtocolError;
import io.firedrill.wire.TimeSyncReply;
import io.firedrill.wire.TimeSyncRequest;
import io.firedrill.wire.Welcome;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One authenticated agent connection. Frames arrive on the connection's event loop; the hub's sweep and
 * API requests read and change its state from other threads, hence the synchronized state methods. Rule
 * that keeps it deadlock-free: no synchronized method here calls into the {@link AgentRegistry}.
 */
final class AgentSession {
    private static final Logger log = LoggerFactory.getLogger(AgentSession.class);
    /** Beyond this an agent would go unwatched for too long (and 3 x interval could overflow). */
    private static final Duration MAX_HEARTBEAT_INTERVAL = Duration.ofMinutes(10);

    private final HubContext hub;
    private final ServerWebSocket ws;
    private final String region;
    private final String remoteAddress;
    private final Instant connectedAt;
    private final OffsetEstimator offsets;
    private final Map<Long, Long> pendingSync = new LinkedHashMap<>();
    private Hello hello;
    private AgentStatus status;
    private String statusReason = "connecting";
    private Instant lastHeartbeat;
    private Instant lastPersisted = Instant.MIN;
    private long syncSeq;
    private long messageSeq;
    private int burstRemaining;
    private long syncTimer = -1;
    private long helloTimer = -1;

    AgentSession(HubContext hub, ServerWebSocket ws, String region, String remoteAddress) {
        this.hub = hub;
        this.ws = ws;
        this.region = region;
        this.remoteAddress = remoteAddress;
        this.connectedAt = hub.clock().instant();
        this.offsets = new OffsetEstimator(hub.config().offsetWindow());
    }

    String region() {
        return region;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    /** Installs the handlers; called on the connection's event loop right after the upgrade. */
    void open() {
        ws.textMessageHandler(this::onText);
        ws.closeHandler(v -> {
            cancelTimers();
            // 1000 is the agent's own orderly stop; anything else (or no code at all) is a lost connection.
            Short code = ws.closeStatusCode();
            hub.registry().offline(this, code != null && code == 1000 ? "agent stopped" : "connection closed");
        });
        ws.exceptionHandler(e -> log.debug("agent connection of region {} from {}: {}", region, remoteAddress, e.toString()));
        Duration timeout = hub.config().helloTimeout();
        helloTimer = hub.vertx().setTimer(timeout.toMillis(), id -> {
            if (!saidHello()) {
                log.warn("agent for region {} from {} said no hello within {} ms; closing", region, remoteAddress,
                        timeout.toMillis());
                close(1008, "no hello within " + timeout.toMillis() + " ms");
            }
        });
    }

    /** Sends a frame and completes with its id once written. */
    Future<String> send(Message message) {
        String id;
        synchronized (this) {
            id = "o-" + (++messageSeq);
        }
        return ws.writeTextMessage(hub.codec().encode(id, message)).map(v -> id);
    }

    void close(int code, String reason) {
        cancelTimers();
        if (!ws.isClosed()) {
            ws.close((short) code, reason);
        }
    }

    private void onText(String text) {
        // t4 of a time sync is the receive time: taken before any decoding work.
        long receivedMicros = Micros.now(hub.clock());
        try (MDC.MDCCloseable ignored = MDC.putCloseable("region", region)) {
            Decoded decoded = hub.codec().decode(text);
            if (decoded instanceof DecodeError error) {
                log.warn("agent for region {} sent a frame the orchestrator cannot read: {}", region, error.message());
                send(error.toReply());
                return;
            }
            dispatch((Envelope) decoded, receivedMicros);
        }
    }

    private void dispatch(Envelope envelope, long receivedMicros) {
        Message message = envelope.message();
        if (message instanceof Hello h) {
            onHello(envelope, h);
        } else if (!saidHello()) {
            reject(envelope, "hello-first", "say hello before sending '" + envelope.type() + "'");
        } else if (message instanceof Heartbeat) {
            if (onHeartbeat()) {
                hub.registry().persist(this);
            }
        } else if (message instanceof TimeSyncReply reply) {
            onTimeSync(envelope, reply, receivedMicros);
        } else if (message instanceof FaultReport report) {
            hub.reportListeners().forEach(l -> l.accept(region, report));
        } else if (message instanceof ProbeResults || message instanceof ProbeReport
                || message instanceof HaltReport || message instanceof FaultInventory) {
            hub.probeListeners().forEach(l -> l.accept(region, message));
        } else if (message instanceof ProtocolError error) {
            log.warn("agent for region {} rejected frame {}: {} ({})", region, error.inReplyTo(), error.message(),
                    error.code());
        } else {
            reject(envelope, "unexpected-type", "an orchestrator does not accept '" + envelope.type() + "' messages");
        }
    }

    private void onHello(Envelope envelope, Hello h) {
        if (saidHello()) {
            reject(envelope, "duplicate-hello", "this connection already said hello as agent " + hello.agentId());
            return;
        }
        if (!h.region().equals(region)) {
            log.warn("agent from {} authenticated for region {} but said hello as region {}; closing",
                    remoteAddress, region, h.region());
            reject(envelope, "region-mismatch",
                    "hello names region '" + h.region() + "' but the token is for region '" + region + "'");
            close(1008, "region mismatch");
            return;
        }
        if (h.heartbeatIntervalMillis() > MAX_HEARTBEAT_INTERVAL.toMillis()) {
            reject(envelope, "bad-field", "heartbeatIntervalMillis " + h.heartbeatIntervalMillis()
                    + " is too long; at most " + MAX_HEARTBEAT_INTERVAL.toMillis());
            close(1008, "heartbeat interval too long");
            return;
        }
        accept(h);
        send(new Welcome(hub.config().orchestratorVersion(), Micros.now(hub.clock()), region,
                hub.config().missedHeartbeats(), hub.config().timeSyncInterval().toMillis()));
        hub.registry().online(this);
        hub.onlineListeners().forEach(l -> l.accept(region));
        startTimeSync();
    }

    private synchronized void accept(Hello h) {
        hello = h;
        status = AgentStatus.ONLINE;
        statusReason = "connected";
        lastHeartbeat = hub.clock().instant();
        hub.vertx().cancelTimer(helloTimer);
    }

    /** Records a heartbeat; true when the record is due to be persisted again. */
    private synchronized boolean onHeartbeat() {
        lastHeartbeat = hub.clock().instant();
        return lastPersisted.plus(hub.config().persistInterval()).isBefore(lastHeartbeat);
    }

    private void startTimeSync() {
        synchronized (this) {
            burstRemaining = hub.config().timeSyncBurst();
            syncTimer = hub.vertx().setPeriodic(hub.config().timeSyncInterval().toMillis(), id -> sendTimeSync());
        }
        if (hub.config().timeSyncBurst() > 0) {
            sendTimeSync();
        }
    }

    private void sendTimeSync() {
        TimeSyncRequest request;
        synchronized (this) {
            if (status != AgentStatus.ONLINE) {
                return;
            }
            // Replies that never come must not pile up; keep room for two windows' worth.
            for (Iterator<Long> it = pendingSync.keySet().iterator(); pendingSync.size() >= 2 * hub.config().offsetWindow(); ) {
                it.next();
                it.remove();
            }
            if (burstRemaining > 0) {
                burstRemaining--;
            }
            long seq = ++syncSeq;
            request = new TimeSyncRequest(seq, Micros.now(hub.clock()));
            pendingSync.put(seq, request.t1Micros());
        }
        send(request);
    }

    private void onTimeSync(Envelope envelope, TimeSyncReply reply, long t4) {
        switch (recordSync(reply, t4)) {
            case UNEXPECTED -> reject(envelope, "unexpected-reply", "no time-sync request with seq " + reply.seq()
                    + " and t1Micros " + reply.t1Micros() + " is outstanding");
            case BURST_GOES_ON -> sendTimeSync();
            // The first estimate is in: write it now rather than with the next periodic save.
            case BURST_DONE -> hub.registry().persist(this);
            case RECORDED -> { }
        }
    }

    private enum SyncOutcome { UNEXPECTED, BURST_GOES_ON, BURST_DONE, RECORDED }

    private synchronized SyncOutcome recordSync(TimeSyncReply reply, long t4) {
        Long t1 = pendingSync.remove(reply.seq());
        if (t1 == null || t1 != reply.t1Micros()) {
            return SyncOutcome.UNEXPECTED;
        }
        if (!offsets.add(t1, reply.t2Micros(), reply.t3Micros(), t4)) {
            log.debug("agent for region {}: time-sync sample {} has a negative delay; dropped", region, reply.seq());
        }
        if (burstRemaining > 0) {
            return SyncOutcome.BURST_GOES_ON;
        }
        return reply.seq() == hub.config().timeSyncBurst() ? SyncOutcome.BURST_DONE : SyncOutcome.RECORDED;
    }

    private void reject(Envelope envelope, String code, String message) {
        send(new ProtocolError(code, message, envelope.id()));
    }

    synchronized boolean saidHello() {
        return hello != null;
    }

    /** Why the agent counts as gone at {@code now}, or null while its heartbeats are on time. */
    synchronized String missedHeartbeats(Instant now) {
        if (status != AgentStatus.ONLINE) {
            return null;
        }
        long interval = hello.heartbeatIntervalMillis();
        int allowed = hub.config().missedHeartbeats();
        if (Duration.between(lastHeartbeat, now).toMillis() <= allowed * interval) {
            return null;
        }
        return allowed + " heartbeats missed (interval " + interval + " ms)";
    }

    /** Marks it offline and stops its timers; the caller closes the socket if it should go. */
    synchronized AgentView markOffline(String reason) {
        status = AgentStatus.OFFLINE;
        statusReason = reason;
        cancelTimers();
        return view();
    }

    /** Marks the current state as written. */
    synchronized AgentView persisted() {
        lastPersisted = hub.clock().instant();
        return view();
    }

    synchronized Optional<ClockOffset> clockOffset() {
        return offsets.estimate();
    }

    synchronized AgentView view() {
        ClockOffset offset = offsets.estimate().orElse(null);
        return new AgentView(region, hello.agentId(), hello.name(), hello.version(), hello.capabilities(), status,
                statusReason, remoteAddress, connectedAt, lastHeartbeat, hello.heartbeatIntervalMillis(),
                offset == null ? null : offset.offsetMicros(), offset == null ? null : offset.errorMicros());
    }

    private synchronized void cancelTimers() {
        hub.vertx().cancelTimer(helloTimer);
        hub.vertx().cancelTimer(syncTimer);
        syncTimer = -1;
    }
}
