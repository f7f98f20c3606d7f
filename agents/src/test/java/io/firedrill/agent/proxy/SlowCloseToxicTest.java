package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowCloseToxicTest extends ProxyTestBase {
    @Test
    void passesDataAndDelaysTheClose() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("slow", ToxicType.SLOW_CLOSE, Direction.DOWNSTREAM, Map.of("delay", 300L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        upstream.write("last words");
        assertThat(client.readString(10)).isEqualTo("last words");
        long start = System.nanoTime();
        upstream.close();

        assertThat(client.readsEof(Duration.ofSeconds(2))).isTrue();
        assertThat(millisSince(start)).isBetween(300L, 380L);
    }

    @Test
    void closesAtOnceWhenRemovedWhileTheCloseWaits() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("slow", ToxicType.SLOW_CLOSE, Direction.DOWNSTREAM, Map.of("delay", 10_000L)));
        Peer client = connect(proxy);
        server.nextPeer().close();

        assertThat(client.staysSilent(Duration.ofMillis(200))).isTrue();
        proxy.removeToxic("slow");

        assertThat(client.readsEof(Duration.ofSeconds(1))).isTrue();
    }
}
