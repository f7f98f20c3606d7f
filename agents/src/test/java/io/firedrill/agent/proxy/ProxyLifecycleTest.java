package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ProxyLifecycleTest extends ProxyTestBase {
    @Test
    void reportsTheBoundAddressOnceStarted() throws Exception {
        Proxy proxy = new Proxy(vertx, "p", "localhost:0", "127.0.0.1:1", new Random(1));
        assertThat(proxy.listen()).isEqualTo("localhost:0");
        assertThat(proxy.enabled()).isFalse();

        join(proxy.start());

        assertThat(proxy.enabled()).isTrue();
        assertThat(proxy.listen()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:0");
        join(proxy.stop());
    }

    @Test
    void holdsNoPortOnceStopped() throws Exception {
        Proxy proxy = new Proxy(vertx, "p", "127.0.0.1:0", "127.0.0.1:1", new Random(1));
        join(proxy.start());
        int port = HostPort.parse(proxy.listen()).port();

        join(proxy.stop());

        assertThat(proxy.enabled()).isFalse();
        assertThat(proxy.listen()).isEqualTo("127.0.0.1:0");
        try (ServerSocket rebind = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(rebind.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void stopClosesOpenConnectionsAndKeepsToxics() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        proxy.addToxic(toxic("lat", ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 1L)));
        Peer client = connect(proxy);
        client.write("x");
        client.read(1);

        join(proxy.stop());

        assertThat(client.readsEof(Duration.ofSeconds(1))).isTrue();
        assertThat(proxy.openConnections()).isZero();
        assertThat(proxy.toxics()).extracting(ToxicSpec::name).containsExactly("lat");
    }

    @Test
    void servesAgainAfterARestart() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        join(proxy.stop());

        join(proxy.start());
        Peer client = connect(proxy);
        client.write("again");

        assertThat(client.readString(5)).isEqualTo("again");
    }

    @Test
    void failsToStartOnAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String listen = "127.0.0.1:" + taken.getLocalPort();
            Proxy proxy = new Proxy(vertx, "p", listen, "127.0.0.1:1", new Random(1));

            assertThatThrownBy(() -> join(proxy.start()))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ProxyException.class)
                    .hasMessage("listen tcp " + listen + ": bind: address already in use")
                    .satisfies(e -> assertThat(((ProxyException) e).status()).isEqualTo(500));
            assertThat(proxy.enabled()).isFalse();
        }
    }

    @Test
    void refusesAPortAnotherProxyOfTheSameVertxHolds() throws Exception {
        Proxy first = startProxy("127.0.0.1:1");
        String listen = first.listen();
        Proxy second = new Proxy(vertx, "second", listen, "127.0.0.1:1", new Random(1));

        assertThatThrownBy(() -> join(second.start()))
                .cause()
                .hasMessage("listen tcp " + listen + ": bind: address already in use");
    }

    @Test
    void refusesAListenAddressWithoutPort() {
        Proxy proxy = new Proxy(vertx, "p", "localhost", "127.0.0.1:1", new Random(1));

        assertThatThrownBy(() -> join(proxy.start()))
                .cause()
                .isInstanceOf(ProxyException.class)
                .hasMessage("listen tcp: address localhost: missing port in address");
    }

    @Test
    void closesTheClientWhenTheUpstreamCannotBeDialled() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Proxy proxy = startProxy("127.0.0.1:" + closedPort);
        Peer client = connect(proxy);

        assertThat(client.readsEof(Duration.ofSeconds(2))).isTrue();
        await().atMost(Duration.ofSeconds(1)).until(() -> proxy.openConnections() == 0);
    }

    @Test
    void forgetsConnectionsOnceTheyClose() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        for (int i = 0; i < 20; i++) {
            try (Peer client = Peer.connect(proxy.listen())) {
                String message = "n" + i;
                client.write(message);
                assertThat(client.readString(message.length())).isEqualTo(message);
            }
        }
        await().atMost(Duration.ofSeconds(1)).until(() -> proxy.openConnections() == 0);
    }
}
