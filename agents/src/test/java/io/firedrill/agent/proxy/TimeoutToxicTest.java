package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeoutToxicTest extends ProxyTestBase {
    @Test
    void holdsDataForeverWithTimeout0AndClosesBothSidesWhenRemoved() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("to", ToxicType.TIMEOUT, Direction.UPSTREAM, Map.of("timeout", 0L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        client.write("swallowed");
        assertThat(upstream.staysSilent(Duration.ofMillis(200))).isTrue();
        proxy.removeToxic("to");

        assertThat(upstream.readsEof(Duration.ofSeconds(1))).isTrue();
        assertThat(client.readsEof(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void closesTheConnectionAfterTheTimeout() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("to", ToxicType.TIMEOUT, Direction.DOWNSTREAM, Map.of("timeout", 150L)));
        long start = System.nanoTime();
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        upstream.write("never delivered");

        assertThat(client.readsEof(Duration.ofSeconds(2))).isTrue();
        assertThat(millisSince(start)).isBetween(150L, 250L);
        assertThat(upstream.readsEof(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void leavesConnectionsItDidNotApplyToOpenWhenRemoved() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(new ToxicSpec("to", ToxicType.TIMEOUT, Direction.UPSTREAM, 0.0, Map.of()));
        Peer client = connect(proxy);
        client.write("a");
        assertThat(client.readString(1)).isEqualTo("a");

        proxy.removeToxic("to");
        client.write("b");

        assertThat(client.readString(1)).isEqualTo("b");
    }
}
