package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResetPeerToxicTest extends ProxyTestBase {
    @Test
    void resetsTheClientAfterTheTimeoutUpstream() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("reset", ToxicType.RESET_PEER, Direction.UPSTREAM, Map.of("timeout", 100L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        long start = System.nanoTime();
        client.write("reset toxic payload\n");
        IOException failure = client.readFailure();

        assertThat(failure).hasMessageContaining("Connection reset");
        assertThat(millisSince(start)).isBetween(100L, 160L);
        assertThat(upstream.readFailure()).hasMessageContaining("Connection reset");
    }

    @Test
    void resetsTheClientAfterTheTimeoutDownstream() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("reset", ToxicType.RESET_PEER, Direction.DOWNSTREAM, Map.of("timeout", 100L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        client.write("ping\n");
        assertThat(upstream.readString(5)).isEqualTo("ping\n");
        long start = System.nanoTime();
        upstream.write("pong\n");

        assertThat(client.readFailure()).hasMessageContaining("Connection reset");
        assertThat(millisSince(start)).isBetween(100L, 160L);
    }

    @Test
    void resetsAtOnceWithTimeout0() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("reset", ToxicType.RESET_PEER, Direction.UPSTREAM, Map.of()));
        Peer client = connect(proxy);
        server.nextPeer();

        long start = System.nanoTime();
        client.write("x");

        assertThat(client.readFailure()).hasMessageContaining("Connection reset");
        assertThat(millisSince(start)).isLessThan(100L);
    }

    @Test
    void closesGracefullyWhenTheRollFailed() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(new ToxicSpec("reset", ToxicType.RESET_PEER, Direction.UPSTREAM, 0.0, Map.of()));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        client.write("x");
        assertThat(upstream.readString(1)).isEqualTo("x");
        upstream.close();

        assertThat(client.readToEnd()).isEmpty();
    }
}
