package io.firedrill.agent.control;

import io.firedrill.agent.AgentConfig;
import io.firedrill.wire.DecodeError;
import io.firedrill.wire.Decoded;
import io.firedrill.wire.Envelope;
import io.firedrill.wire.Hello;
import io.firedrill.wire.FaultApply;
import io.firedrill.wire.FaultRevert;
import io.firedrill.wire.Halt;
import io.firedrill.wire.Heartbeat;
import io.firedrill.wire.LeaseRenew;
import io.firedrill.wire.Message;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeStart;
import io.firedrill.wire.ProbeStop;
import io.firedrill.wire.ProtocolError;
import io.firedrill.wire.TimeSyncReply;
import io.firedrill.wire.TimeSyncRequest;
import io.firedrill.wire.Welcome;
import io.firedrill.wire.WireCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's connection to the orchestrator, kept up for as long as the agent runs (see the package doc
 * for the protocol). Every method body past {@link #start()} runs on one event-loop context, so the fields
 * need no locks; only {@link #status()} is read from other threads.
 */
public final class ControlChannel {
    private static final Logger log = LoggerFactory.getLogger(ControlChannel.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);
    private static final int OUTBOX_LIMIT = 1024;

    private final Vertx vertx;
    private final AgentConfig config;
    private final Clock clock;
    private final Backoff backoff;
    private final WireCodec codec = new WireCodec();
    private final ConnectTarget target;
    private final List<Consumer<Welcome>> welcomeListeners = new CopyOnWriteArrayList<>();
    /** Reports written while no connection is up, sent after the next welcome; the oldest go first when full. */
    private final ArrayDeque<Message> outbox = new ArrayDeque<>();
    private volatile Consumer<Message> commandHandler = m -> { };
    private boolean welcomed;
    private volatile ChannelStatus status = new ChannelStatus(ChannelStatus.State.NEW, 0, null, null, 0);

    private Context context;
    private WebSocketClient client;
    private ClientWebSocket current;
    private long heartbeatTimer = -1;
    private long watchdogTimer = -1;
    private long reconnectTimer = -1;
    /** {@link System#nanoTime()} when the current connection last carried a frame from the orchestrator. */
    private long lastFrameNanos;
    private long heartbeatSeq;
    private long messageSeq;
    private boolean stopped;

    /**
     * @param clock  the agent's clock: heartbeat and time-sync times come from it (tests skew it)
     * @param random the source of reconnect jitter
     */
    public ControlChannel(Vertx vertx, AgentConfig config, Clock clock, Random random) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.backoff = new Backoff(config.reconnectMin(), config.reconnectMax(), random);
        this.target = ConnectTarget.of(config);
    }

    /** Called on the event loop each time the orchestrator welcomes this agent (also after reconnects). */
    public void onWelcome(Consumer<Welcome> listener) {
        welcomeListeners.add(listener);
    }

    /**
     * Receives the orchestrator's commands (fault apply and revert, lease renewals, probe start and stop) on the
     * event loop; the channel answers every other kind itself.
     */
    public void onCommand(Consumer<Message> handler) {
        commandHandler = handler;
    }

    /**
     * Sends a message from any thread. While no connection is welcomed it waits in a bounded outbox and goes
     * out after the next welcome, so a report of a lease that expired offline still reaches the orchestrator.
     */
    public void send(Message message) {
        Context ctx = context;
        if (ctx == null) {
            return;
        }
        ctx.runOnContext(v -> {
            if (current != null && welcomed) {
                send(current, message);
                return;
            }
            if (outbox.size() == OUTBOX_LIMIT) {
                log.warn("region {}: outbox full while disconnected, dropping {}", config.region(), outbox.poll());
            }
            outbox.add(message);
        });
    }

    public ChannelStatus status() {
        return status;
    }

    /** Starts dialling; completes once the first attempt is under way, not when it succeeds. */
    public Future<Void> start() {
        context = vertx.getOrCreateContext();
        Promise<Void> started = Promise.promise();
        context.runOnContext(v -> {
            client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(5_000));
            dial();
            started.complete();
        });
        return started.future();
    }

    /** Closes the connection (code 1000) and stops reconnecting. Idempotent. */
    public Future<Void> stop() {
        if (context == null) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            stopped = true;
            cancelTimers();
            updateStatus(ChannelStatus.State.STOPPED, status.lastFailure());
            ClientWebSocket ws = current;
            current = null;
            closeQuietly(ws).transform(ar -> client.close())
                    .timeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .onComplete(ar -> done.complete());
        });
        return done.future();
    }

    private static Future<Void> closeQuietly(ClientWebSocket ws) {
        if (ws == null) {
            return Future.succeededFuture();
        }
        try {
            return ws.isClosed() ? Future.succeededFuture() : ws.close((short) 1000, "agent stopping");
        } catch (IllegalStateException stillConnecting) {
            // Not connected yet: onOpen sees it is no longer current and closes it then.
            return Future.succeededFuture();
        }
    }

    private void dial() {
        reconnectTimer = -1;
        if (stopped) {
            return;
        }
        updateStatus(ChannelStatus.State.CONNECTING, status.lastFailure());
        ClientWebSocket ws = client.webSocket();
        current = ws;
        welcomed = false;
        // Handlers go on before connect() so that no frame sent right after the upgrade is missed.
        // The frame handler sees every frame (text, ping, pong, close) before the text handler gets the message.
        ws.frameHandler(frame -> heardFrom(ws));
        ws.textMessageHandler(text -> onText(ws, text));
        ws.closeHandler(v -> onClosed(ws));
        ws.exceptionHandler(e -> log.debug("control channel of region {}: {}", config.region(), e.toString()));
        ws.connect(target.options(config)).onComplete(
                w -> onOpen(ws),
                e -> onConnectFailed(ws, e));
    }

    private void onOpen(ClientWebSocket ws) {
        if (stopped || ws != current) {
            ws.close();
            return;
        }
        lastFrameNanos = System.nanoTime();
        armWatchdog(ws, config.orchestratorSilenceLimit().toMillis());
        log.debug("connected to {}; sending hello", target.uri());
        send(ws, new Hello(config.region(), config.agentId(), config.name(), config.version(),
                config.capabilities(), config.heartbeatInterval().toMillis()));
    }

    private void heardFrom(ClientWebSocket ws) {
        if (ws == current) {
            lastFrameNanos = System.nanoTime();
        }
    }

    /**
     * The watchdog is one timer at a time, set for the moment the silence could first exceed the limit; frames
     * only move {@link #lastFrameNanos}, and a check that finds a recent frame sets the timer again.
     */
    private void armWatchdog(ClientWebSocket ws, long delayMillis) {
        watchdogTimer = vertx.setTimer(Math.max(1, delayMillis), id -> checkSilence(ws));
    }

    private void checkSilence(ClientWebSocket ws) {
        watchdogTimer = -1;
        if (stopped || ws != current) {
            return;
        }
        long limitNanos = config.orchestratorSilenceLimit().toNanos();
        long silentNanos = System.nanoTime() - lastFrameNanos;
        if (silentNanos <= limitNanos) {
            armWatchdog(ws, TimeUnit.NANOSECONDS.toMillis(limitNanos - silentNanos) + 1);
            return;
        }
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(silentNanos);
        String failure = "region " + config.region() + ": no frame from the orchestrator at " + target.uri()
                + " for " + silentMillis + " ms";
        log.warn("{}; reconnecting", failure);
        // A frozen or cut-off peer would never finish a close handshake: send the close frame for one that is
        // only slow, but neither wait for the handshake nor look at this connection again (it is no longer
        // current, so its frames and its eventual close are ignored); Vert.x drops the TCP connection after its
        // closing timeout.
        current = null;
        cancelConnectionTimers();
        if (!ws.isClosed()) {
            ws.close((short) 1001, "no frame from the orchestrator for " + silentMillis + " ms")
                    .onFailure(e -> log.debug("closing the silent connection to {}: {}", target.uri(), e.toString()));
        }
        Duration delay = backOff(failure);
        log.debug("region {} dials again in {} ms (attempt {})", config.region(), delay.toMillis(),
                backoff.attempts());
    }

    private void onText(ClientWebSocket ws, String text) {
        // t2 of a time sync is the receive time: take it before any decoding work.
        long receivedMicros = Micros.now(clock);
        if (ws != current) {
            return;
        }
        Decoded decoded = codec.decode(text);
        if (decoded instanceof DecodeError error) {
            log.warn("orchestrator sent a frame agent {} cannot read: {}", config.region(), error.message());
            send(ws, error.toReply());
            return;
        }
        Envelope envelope = (Envelope) decoded;
        Message message = envelope.message();
        if (message instanceof TimeSyncRequest request) {
            send(ws, new TimeSyncReply(request.seq(), request.t1Micros(), receivedMicros, Micros.now(clock)));
        } else if (message instanceof Welcome welcome) {
            welcomed(ws, welcome);
        } else if (message instanceof FaultApply || message instanceof FaultRevert || message instanceof LeaseRenew
                || message instanceof ProbeStart || message instanceof ProbeStop || message instanceof Halt) {
            commandHandler.accept(message);
        } else if (message instanceof ProtocolError error) {
            // Never answered: two peers replying to each other's errors would loop.
            log.warn("orchestrator rejected frame {} of agent {}: {} ({})",
                    error.inReplyTo(), config.region(), error.message(), error.code());
        } else {
            send(ws, new ProtocolError("unexpected-type",
                    "an agent does not accept '" + envelope.type() + "' messages", envelope.id()));
        }
    }

    private void welcomed(ClientWebSocket ws, Welcome welcome) {
        backoff.reset();
        heartbeatSeq = 0;
        cancelHeartbeat();
        long interval = config.heartbeatInterval().toMillis();
        heartbeatTimer = vertx.setPeriodic(interval, id -> send(ws, new Heartbeat(++heartbeatSeq, Micros.now(clock))));
        ChannelStatus s = status;
        status = new ChannelStatus(ChannelStatus.State.CONNECTED, 0, s.lastFailure(), clock.instant(),
                s.connections() + 1);
        log.info("agent {} for region {} connected to {} (orchestrator {})",
                config.agentId(), config.region(), target.uri(), welcome.orchestratorVersion());
        String tooShort = silenceLimitTooShort(config.orchestratorSilenceLimit(), welcome.syncIntervalMillis());
        if (tooShort != null) {
            log.warn("region {}: {}", config.region(), tooShort);
        }
        welcomed = true;
        while (!outbox.isEmpty()) {
            send(ws, outbox.poll());
        }
        welcomeListeners.forEach(l -> l.accept(welcome));
    }

    /**
     * Why the silence limit is too short for an orchestrator that speaks every {@code syncIntervalMillis}, or
     * null when it is fine: it must be above two intervals, so that one late time-sync request is not taken
     * for a dead orchestrator.
     */
    static String silenceLimitTooShort(Duration silenceLimit, long syncIntervalMillis) {
        long limit = silenceLimit.toMillis();
        if (syncIntervalMillis < Long.MAX_VALUE / 2 && limit > 2 * syncIntervalMillis) {
            return null;
        }
        return "the orchestrator silence limit of " + limit + " ms is not above twice the orchestrator's time-sync "
                + "interval of " + syncIntervalMillis + " ms, so one late time-sync request can make the agent drop "
                + "a healthy connection; raise --silence-limit to more than twice that interval";
    }

    private void onConnectFailed(ClientWebSocket ws, Throwable cause) {
        if (ws != current) {
            return;
        }
        current = null;
        retryLater(describe(cause));
    }

    private void onClosed(ClientWebSocket ws) {
        if (ws != current) {
            return;
        }
        current = null;
        cancelConnectionTimers();
        String reason = ws.closeReason() == null || ws.closeReason().isEmpty() ? "" : ", " + ws.closeReason();
        retryLater("connection of region " + config.region() + " to " + target.uri() + " closed (code "
                + ws.closeStatusCode() + reason + ")");
    }

    private void retryLater(String failure) {
        if (stopped) {
            return;
        }
        Duration delay = backOff(failure);
        log.warn("{}; retrying in {} ms (attempt {})", failure, delay.toMillis(), backoff.attempts());
    }

    /** Counts a failure and dials again after the backoff delay, which it returns; the caller logs. */
    private Duration backOff(String failure) {
        Duration delay = backoff.next();
        updateStatus(ChannelStatus.State.BACKING_OFF, failure);
        reconnectTimer = vertx.setTimer(delay.toMillis(), id -> dial());
        return delay;
    }

    private String describe(Throwable cause) {
        if (cause instanceof UpgradeRejectedException rejected) {
            String body = rejected.getBody() == null ? "" : ": " + rejected.getBody().toString().trim();
            if (rejected.getStatus() == 401) {
                return "orchestrator refused the token for region " + config.region() + " (HTTP 401" + body + ")";
            }
            return "orchestrator rejected the connection of region " + config.region() + " with HTTP "
                    + rejected.getStatus() + body;
        }
        return "cannot connect region " + config.region() + " to " + target.uri() + ": " + cause.getMessage();
    }

    private void send(ClientWebSocket ws, Message message) {
        ws.writeTextMessage(codec.encode("a-" + (++messageSeq), message))
                .onFailure(e -> log.debug("cannot send {} to {}: {}", message, target.uri(), e.toString()));
    }

    private void updateStatus(ChannelStatus.State state, String lastFailure) {
        ChannelStatus s = status;
        status = new ChannelStatus(state, backoff.attempts(), lastFailure, s.welcomedAt(), s.connections());
    }

    private void cancelHeartbeat() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
    }

    /** The timers that belong to one connection: its heartbeat and its silence watchdog. */
    private void cancelConnectionTimers() {
        cancelHeartbeat();
        if (watchdogTimer >= 0) {
            vertx.cancelTimer(watchdogTimer);
            watchdogTimer = -1;
        }
    }

    private void cancelTimers() {
        cancelConnectionTimers();
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
    }
}
