package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitDataToxicTest extends ProxyTestBase {
    @Test
    void passesTheFirst100BytesOfA150ByteWriteThenCloses() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("limit", ToxicType.LIMIT_DATA, Direction.UPSTREAM, Map.of("bytes", 100L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        byte[] data = PlainPipingTest.randomBytes(150, 5);

        client.write(data);

        assertThat(upstream.readToEnd()).isEqualTo(Arrays.copyOf(data, 100));
        assertThat(client.readsEof(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void passes90Then10Of20() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        proxy.addToxic(toxic("limit", ToxicType.LIMIT_DATA, Direction.UPSTREAM, Map.of("bytes", 100L)));
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();

        client.write(new byte[90]);
        assertThat(upstream.read(90)).hasSize(90);
        client.write(new byte[20]);

        assertThat(upstream.readToEnd()).hasSize(10);
    }

    @Test
    void countsOnlyItsOwnLink() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(toxic("limit", ToxicType.LIMIT_DATA, Direction.DOWNSTREAM, Map.of("bytes", 10L)));
        Peer client = connect(proxy);

        client.write("0123456789abc");

        assertThat(client.readToEnd()).asString().isEqualTo("0123456789");
    }
}
