package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SlicerToxicTest extends ProxyTestBase {
    @Test
    void slices480KbInto240To720PiecesIntact() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("slicer", ToxicType.SLICER, Direction.UPSTREAM,
                Map.of("average_size", 1024L, "size_variation", 512L, "delay", 10L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        byte[] data = PlainPipingTest.randomBytes(480_000, 4);

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                client.write(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(upstream.read(data.length)).isEqualTo(data);
        writer.get();
        assertThat(proxy.toxicWrites(Direction.UPSTREAM)).isBetween(240L, 720L);
    }

    @Test
    void slices24BytesInto24PiecesOfOneByte() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("slicer", ToxicType.SLICER, Direction.UPSTREAM,
                Map.of("average_size", 1L, "size_variation", 0L, "delay", 10L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        client.write("hello world, in pieces!!");

        assertThat(upstream.readString(24)).isEqualTo("hello world, in pieces!!");
        await().atMost(Duration.ofSeconds(1)).until(() -> proxy.toxicWrites(Direction.UPSTREAM) == 24);
    }

    @Test
    void spacesPiecesByTheDelay() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("slicer", ToxicType.SLICER, Direction.UPSTREAM,
                Map.of("average_size", 10L, "size_variation", 0L, "delay", 20_000L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        long start = System.nanoTime();
        client.write(new byte[50]);
        List<Integer> reads = new ArrayList<>();
        int total = 0;
        while (total < 50) {
            int n = upstream.readSome().length;
            reads.add(n);
            total += n;
        }

        // The fifth piece is due 4 x 20 ms after the first; a busy reader may see two pieces in one read.
        assertThat(millisSince(start)).isBetween(80L, 400L);
        assertThat(reads.size()).isGreaterThanOrEqualTo(3);
        assertThat(proxy.toxicWrites(Direction.UPSTREAM)).isEqualTo(5);
    }
}
