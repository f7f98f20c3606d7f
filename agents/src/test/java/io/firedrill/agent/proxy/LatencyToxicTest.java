package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyToxicTest extends ProxyTestBase {
    @Test
    void delaysUpstreamDataByTheLatency() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("lat", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 100L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        long start = System.nanoTime();
        client.write("hello");
        assertThat(upstream.readString(5)).isEqualTo("hello");

        assertThat(millisSince(start)).isBetween(100L, 160L);
    }

    @Test
    void addsUpstreamAndDownstreamLatencyOnARoundTrip() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(toxic("up", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 100L)));
        proxy.addToxic(toxic("down", ToxicType.LATENCY, Direction.DOWNSTREAM, Map.of("latency", 1000L)));
        Peer client = connect(proxy);

        long start = System.nanoTime();
        client.write("ping");
        assertThat(client.readString(4)).isEqualTo("ping");

        assertThat(millisSince(start)).isBetween(1100L, 1200L);
    }

    @Test
    void chainedLatencyToxicsAddUp() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("a", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 60L)));
        proxy.addToxic(toxic("b", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 60L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        long start = System.nanoTime();
        client.write("x");
        upstream.read(1);

        assertThat(millisSince(start)).isBetween(120L, 180L);
    }

    @Test
    void keepsOrderUnderJitterLargerThanTheLatency() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("jittery", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 5L, "jitter", 20L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        StringBuilder sent = new StringBuilder();

        for (int i = 0; i < 50; i++) {
            String part = i + ",";
            sent.append(part);
            client.write(part);
            Thread.sleep(1);
        }

        assertThat(upstream.readString(sent.length())).isEqualTo(sent.toString());
    }

    @Test
    void appliesALatencyChangeToDataArrivingAfterIt() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("lat", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 2000L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        proxy.updateToxic("lat", Map.of("latency", 50L), null);
        join(proxy.changesApplied());
        long start = System.nanoTime();
        client.write("x");
        upstream.read(1);

        assertThat(millisSince(start)).isBetween(50L, 110L);
    }
}
