package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BandwidthToxicTest extends ProxyTestBase {
    @Test
    void throttles480KbAt1000KbPerSecondToAbout480Ms() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("bw", ToxicType.BANDWIDTH, Direction.UPSTREAM, Map.of("rate", 1000L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        byte[] data = PlainPipingTest.randomBytes(480_000, 3);

        long start = System.nanoTime();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                client.write(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] received = upstream.read(data.length);
        long elapsed = millisSince(start);
        writer.get();

        assertThat(received).isEqualTo(data);
        assertThat(elapsed).isBetween(470L, 530L);
    }

    @Test
    void tricklesAChunkLargerThan100MsWorthInsteadOfHoldingItBack() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("bw", ToxicType.BANDWIDTH, Direction.UPSTREAM, Map.of("rate", 10L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        long start = System.nanoTime();
        client.write(new byte[3000]);
        upstream.read(1000);

        // 1000 bytes per 100 ms slice: the first slice is due after 100 ms, not the whole chunk after 300 ms.
        assertThat(millisSince(start)).isBetween(95L, 200L);
    }
}
