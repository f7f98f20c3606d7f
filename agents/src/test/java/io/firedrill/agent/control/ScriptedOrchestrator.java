package io.firedrill.agent.control;

import io.firedrill.wire.Envelope;
import io.firedrill.wire.Hello;
import io.firedrill.wire.Message;
import io.firedrill.wire.TimeSyncRequest;
import io.firedrill.wire.Welcome;
import io.firedrill.wire.WireCodec;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real WebSocket server that plays the orchestrator's side of the protocol from a script, so the agent's
 * channel can be tested on its own: it welcomes every hello, records every frame it receives and can be told
 * to refuse handshakes, to send arbitrary text or to keep sending time-sync requests. Unless told to talk it
 * says nothing after the welcome, like a frozen orchestrator.
 */
final class ScriptedOrchestrator implements AutoCloseable {
    final WireCodec codec = new WireCodec();
    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    final List<MultiMap> handshakeHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseNext = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    /** Every accepted socket, in order, and {@link System#nanoTime()} when each was accepted. */
    final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    final List<Long> connectedAtNanos = new CopyOnWriteArrayList<>();
    volatile boolean hangHandshakes;
    private final Vertx vertx;
    private final HttpServer server;
    private long talkTimer = -1;
    private volatile ServerWebSocket socket;
    private int ids;

    private ScriptedOrchestrator(Vertx vertx) {
        this.vertx = vertx;
        server = vertx.createHttpServer()
                .webSocketHandshakeHandler(this::handshake)
                .webSocketHandler(this::connected);
    }

    static ScriptedOrchestrator start(Vertx vertx) throws Exception {
        ScriptedOrchestrator o = new ScriptedOrchestrator(vertx);
        o.server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return o;
    }

    int port() {
        return server.actualPort();
    }

    private void handshake(ServerWebSocketHandshake handshake) {
        handshakeHeaders.add(handshake.headers());
        if (hangHandshakes) {
            return; // never answered: the agent stays in the middle of connecting
        }
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            handshake.reject(401);
        } else {
            handshake.accept();
        }
    }

    private void connected(ServerWebSocket ws) {
        socket = ws;
        connectedAtNanos.add(System.nanoTime());
        sockets.add(ws);
        connections.incrementAndGet();
        ws.textMessageHandler(text -> {
            Object decoded = codec.decode(text);
            received.add(decoded);
            if (decoded instanceof Envelope e && e.message() instanceof Hello hello) {
                send(new Welcome("test", 0, hello.region(), 3, 5_000));
            }
        });
    }

    void send(Message message) {
        sendRaw(codec.encode("o-" + (++ids), message));
    }

    void sendRaw(String text) {
        socket.writeTextMessage(text);
    }

    /** From now on sends a time-sync request on the latest connection at this interval. */
    void keepTalking(Duration every) {
        long[] seq = {0};
        talkTimer = vertx.setPeriodic(every.toMillis(), id -> {
            ServerWebSocket ws = socket;
            if (ws != null && !ws.isClosed()) {
                ws.writeTextMessage(codec.encode("o-talk-" + (++seq[0]), new TimeSyncRequest(seq[0], 0)));
            }
        });
    }

    void dropConnection() {
        socket.close((short) 1011, "test drops the connection");
    }

    /** The next received message of the given kind, skipping others; fails after the timeout. */
    <T extends Message> T next(Class<T> kind, Duration timeout) throws InterruptedException {
        return kind.cast(nextEnvelope(kind, timeout).message());
    }

    Envelope nextEnvelope(Class<? extends Message> kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Object o = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (o instanceof Envelope e && kind.isInstance(e.message())) {
                return e;
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " received within " + timeout);
    }

    @Override
    public void close() throws Exception {
        if (talkTimer >= 0) {
            vertx.cancelTimer(talkTimer);
        }
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
