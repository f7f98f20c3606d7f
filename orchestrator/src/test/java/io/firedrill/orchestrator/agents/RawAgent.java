package io.firedrill.orchestrator.agents;

import io.firedrill.wire.Decoded;
import io.firedrill.wire.Envelope;
import io.firedrill.wire.Message;
import io.firedrill.wire.WireCodec;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket peer driven frame by frame from a test, speaking the wire protocol (or not, on purpose). */
final class RawAgent implements AutoCloseable {
    final WireCodec codec = new WireCodec();
    final BlockingQueue<Decoded> received = new LinkedBlockingQueue<>();
    private final WebSocketClient client;
    private volatile WebSocket ws;
    private volatile Short closeCode;
    private int ids;

    private RawAgent(WebSocketClient client) {
        this.client = client;
    }

    static RawAgent connect(Vertx vertx, int port, String region, String token) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        RawAgent raw = new RawAgent(client);
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI(AgentHub.CONNECT_PATH).putHeader(AgentHub.REGION_HEADER, region);
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        raw.ws = client.webSocket()
                .textMessageHandler(text -> raw.received.add(raw.codec.decode(text)))
                .closeHandler(v -> raw.closeCode = raw.ws.closeStatusCode())
                .connect(options)
                .await(5, TimeUnit.SECONDS);
        return raw;
    }

    void send(Message message) {
        sendRaw(codec.encode("t-" + (++ids), message));
    }

    void sendRaw(String text) {
        ws.writeTextMessage(text);
    }

    /** The next frame carrying the given kind of message, skipping others; fails after the timeout. */
    <T extends Message> T next(Class<T> kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Decoded d = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (d instanceof Envelope e && kind.isInstance(e.message())) {
                return kind.cast(e.message());
            }
        }
        throw new AssertionError("no " + kind.getSimpleName() + " within " + timeout);
    }

    boolean isClosed() {
        return ws.isClosed();
    }

    /** The close code the orchestrator sent, once closed. */
    Short closeCode() {
        return closeCode;
    }

    @Override
    public void close() throws Exception {
        if (!ws.isClosed()) {
            ws.close().await(5, TimeUnit.SECONDS);
        }
        client.close().await(5, TimeUnit.SECONDS);
    }
}
