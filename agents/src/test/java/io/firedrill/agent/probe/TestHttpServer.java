package io.firedrill.agent.probe;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on loopback whose answer the test sets: a status, a delay, or no answer at all. */
final class TestHttpServer implements AutoCloseable {
    /** The answer to the next requests. */
    record Behaviour(int status, String body, long delayMillis, boolean hangs) {
        static Behaviour ok() {
            return new Behaviour(200, "UP", 0, false);
        }

        static Behaviour status(int status) {
            return new Behaviour(status, "DOWN", 0, false);
        }

        static Behaviour slow(long delayMillis) {
            return new Behaviour(200, "UP", delayMillis, false);
        }

        static Behaviour hanging() {
            return new Behaviour(0, "", 0, true);
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.ok();

    TestHttpServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(request -> {
            requests.incrementAndGet();
            Behaviour b = behaviour;
            if (b.hangs()) {
                return;
            }
            Runnable reply = () -> request.response().setStatusCode(b.status()).end(b.body());
            if (b.delayMillis() > 0) {
                vertx.setTimer(b.delayMillis(), id -> reply.run());
            } else {
                reply.run();
            }
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    void behave(Behaviour b) {
        behaviour = b;
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
    }
}
