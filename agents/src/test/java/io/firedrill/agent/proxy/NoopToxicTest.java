package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NoopToxicTest extends ProxyTestBase {
    @Test
    void passesDataUnchanged() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(toxic("up", ToxicType.NOOP, Direction.UPSTREAM, Map.of()));
        proxy.addToxic(toxic("down", ToxicType.NOOP, Direction.DOWNSTREAM, Map.of()));
        Peer client = connect(proxy);
        byte[] message = PlainPipingTest.randomBytes(200_000, 6);

        client.write(message);

        assertThat(client.read(message.length)).isEqualTo(message);
        assertThat(proxy.toxics()).extracting(ToxicSpec::name).containsExactly("up", "down");
    }
}
