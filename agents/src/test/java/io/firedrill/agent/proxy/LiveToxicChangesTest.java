package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Toxics added, changed and removed while connections are open act at once and never lose or reorder data. */
class LiveToxicChangesTest extends ProxyTestBase {
    @Test
    void keepsEchoTrafficCorrectWhileToxicsComeAndGo() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        Peer client = connect(proxy);
        AtomicBoolean done = new AtomicBoolean();
        CompletableFuture<Integer> churn = CompletableFuture.supplyAsync(() -> {
            int changes = 0;
            Random random = new Random(7);
            while (!done.get()) {
                Direction stream = random.nextBoolean() ? Direction.UPSTREAM : Direction.DOWNSTREAM;
                proxy.addToxic(toxic("lat", ToxicType.LATENCY, stream, Map.of("latency", 1L + random.nextInt(5))));
                proxy.addToxic(toxic("slicer", ToxicType.SLICER, Direction.DOWNSTREAM,
                        Map.of("average_size", 100L, "size_variation", 50L)));
                proxy.addToxic(toxic("bw", ToxicType.BANDWIDTH, Direction.UPSTREAM, Map.of("rate", 100_000L)));
                sleep(random.nextInt(3));
                proxy.removeToxic("slicer");
                proxy.removeToxic("lat");
                proxy.removeToxic("bw");
                changes++;
            }
            return changes;
        });
        Random random = new Random(8);
        long deadline = System.nanoTime() + Duration.ofMillis(800).toNanos();
        int messages = 0;
        while (System.nanoTime() < deadline) {
            byte[] message = PlainPipingTest.randomBytes(1 + random.nextInt(20_000), messages);
            client.write(message);
            assertThat(client.read(message.length)).isEqualTo(message);
            messages++;
        }
        done.set(true);

        assertThat(churn.get()).isGreaterThan(10);
        assertThat(messages).isGreaterThan(10);
    }

    @Test
    void removingALatencyToxicFlushesWhatItHeldInOrder() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("lat", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 10_000L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        client.write("one,");
        client.write("two,");
        client.write("three,");
        await().atMost(Duration.ofSeconds(1)).until(() -> proxy.bufferedBytes() == 14);

        long start = System.nanoTime();
        proxy.removeToxic("lat");
        client.write("four");

        assertThat(upstream.readString(18)).isEqualTo("one,two,three,four");
        assertThat(millisSince(start)).isLessThan(500L);
        assertThat(proxy.bufferedBytes()).isZero();
    }

    @Test
    void removingAToxicMidChainLetsItsDataGoAheadOfNewerData() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("first", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 200L)));
        proxy.addToxic(toxic("second", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 10_000L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        client.write("old,");
        // Nothing observable tells which stage holds the bytes; after 300 ms they have left the first one.
        Thread.sleep(300);
        client.write("new");

        long start = System.nanoTime();
        proxy.removeToxic("second");

        assertThat(upstream.readString(4)).isEqualTo("old,");
        assertThat(millisSince(start)).isLessThan(150L);
        assertThat(upstream.readString(3)).isEqualTo("new");
        assertThat(millisSince(start)).isBetween(100L, 400L);
    }

    @Test
    void droppingTheToxicityToZeroFlushesWhatTheToxicHeld() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("lat", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 10_000L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        client.write("held");
        await().atMost(Duration.ofSeconds(1)).until(() -> proxy.bufferedBytes() == 4);

        proxy.updateToxic("lat", Map.of(), 0.0);

        assertThat(upstream.readString(4)).isEqualTo("held");
        assertThat(proxy.bufferedBytes()).isZero();
    }

    @Test
    void appliesAToxicAddedToAnOpenConnection() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        Peer client = connect(proxy);
        client.write("a");
        client.read(1);

        proxy.addToxic(toxic("lat", ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of("latency", 150L)));
        join(proxy.changesApplied());
        long start = System.nanoTime();
        client.write("b");
        client.read(1);

        assertThat(millisSince(start)).isBetween(150L, 250L);
    }

    @Test
    void boundsWhatALatencyToxicHoldsFromAFastSender() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("lat", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 1000L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            byte[] block = new byte[64 * 1024];
            try {
                while (written.get() < (256L << 20)) {
                    client.write(block);
                    written.addAndGet(block.length);
                }
            } catch (Exception closed) {
                // The test closed the socket to stop the writer.
            }
        });
        CompletableFuture.runAsync(() -> {
            try {
                upstream.readToEnd();
            } catch (Exception ignored) {
                // Closed at the end of the test.
            }
        });

        long maxBuffered = 0;
        long deadline = System.nanoTime() + Duration.ofMillis(700).toNanos();
        while (System.nanoTime() < deadline) {
            maxBuffered = Math.max(maxBuffered, proxy.bufferedBytes());
            Thread.sleep(5);
        }
        client.close();
        writer.get();

        assertThat(maxBuffered).isGreaterThan(Link.HIGH_WATER / 2).isLessThan(Link.HIGH_WATER + (1 << 20));
        // Socket buffers hold a few MiB at most; without back-pressure the writer would be far ahead.
        assertThat(written.get()).isLessThan(32L << 20);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
