package io.firedrill.agent.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One Vert.x instance per test class; proxies and sockets made through here are closed after each test. */
abstract class ProxyTestBase {
    static Vertx vertx;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void startVertx() throws Exception {
        vertx = ProxyVertx.create(); // the transport the agent and firedrill proxy run on
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        warmUp();
    }

    /**
     * The first chunk through a fresh JVM takes a few hundred milliseconds (class loading, allocator set-up);
     * paying that here keeps it out of the timing assertions.
     */
    private static void warmUp() throws Exception {
        try (TestServer server = TestServer.echo()) {
            Proxy proxy = new Proxy(vertx, "warm-up", "localhost:0", server.address(), new Random(1));
            join(proxy.start());
            for (double toxicity : new double[] {0, 1}) {
                proxy.removeAllToxics();
                proxy.addToxic(new ToxicSpec("lat", ToxicType.LATENCY, Direction.UPSTREAM, toxicity,
                        Map.of("latency", 1L)));
                try (Peer client = Peer.connect(proxy.listen())) {
                    client.write("warm");
                    client.read(4);
                }
            }
            join(proxy.stop());
        }
    }

    @AfterAll
    static void closeVertx() throws Exception {
        join(vertx.close());
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    static <T> T join(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        cleanup.add(resource);
        return resource;
    }

    /** A started proxy on {@code localhost:0} in front of {@code upstream}. */
    Proxy startProxy(String upstream) throws Exception {
        Proxy proxy = new Proxy(vertx, "test", "localhost:0", upstream, new Random(42));
        join(proxy.start());
        cleanup.add(() -> join(proxy.stop()));
        return proxy;
    }

    TestServer echoServer() throws Exception {
        return closeLater(TestServer.echo());
    }

    TestServer manualServer() throws Exception {
        return closeLater(TestServer.manual());
    }

    Peer connect(Proxy proxy) throws Exception {
        return closeLater(Peer.connect(proxy.listen()));
    }

    static ToxicSpec toxic(String name, ToxicType type, Direction stream, Map<String, Long> attributes) {
        return new ToxicSpec(name, type, stream, 1.0, attributes);
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
