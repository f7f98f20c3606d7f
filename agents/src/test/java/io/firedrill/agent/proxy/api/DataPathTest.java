package io.firedrill.agent.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a user of the API notices on the wire: real sockets through proxies set up by Toxiproxy's Java client. */
class DataPathTest extends ApiTestSupport {

    @Test
    void a64KibMessageEchoesIntactThroughAProxyWithNoToxics() throws IOException {
        Proxy p = client.createProxy("plain", "localhost:0", echo.address());
        byte[] message = new byte[64 * 1024];
        new Random(1).nextBytes(message);

        try (Socket s = connect(p)) {
            s.getOutputStream().write(message);
            assertThat(readFully(s, message.length)).isEqualTo(message);
        }
    }

    @Test
    void aLatencyToxicSetThroughTheClientDelaysTheRoundTrip() throws IOException {
        Proxy p = client.createProxy("slow", "localhost:0", echo.address());
        p.toxics().latency("lag", ToxicDirection.DOWNSTREAM, 300);

        try (Socket s = connect(p)) {
            long t0 = System.nanoTime();
            s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(readFully(s, 4)).isEqualTo("ping".getBytes(StandardCharsets.US_ASCII));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aResetPeerToxicResetsTheClientsConnection() throws IOException {
        Proxy p = client.createProxy("rst", "localhost:0", echo.address());
        p.toxics().resetPeer("reset", ToxicDirection.DOWNSTREAM, 100);

        try (Socket s = connect(p)) {
            s.setSoTimeout(3000);
            s.getOutputStream().write(1);
            assertThatThrownBy(() -> drain(s.getInputStream()))
                    .isInstanceOf(SocketException.class).hasMessageContaining("Connection reset");
        }
    }

    @Test
    void disablingClosesOpenConnectionsAndFreesThePortUntilEnabled() throws IOException {
        Proxy p = client.createProxy("door", "localhost:0", echo.address());
        int port = ProxyRoutesTest.port(p.getListen());

        try (Socket s = connect(p)) {
            s.getOutputStream().write(7);
            assertThat(readFully(s, 1)).containsExactly(7);

            p.disable();

            s.setSoTimeout(2000);
            assertClosed(s);
        }
        awaitFree(port);
        p.enable();
        try (Socket s = connect(p)) {
            s.getOutputStream().write(8);
            assertThat(readFully(s, 1)).containsExactly(8);
        }
    }

    @Test
    void removingATimeoutToxicClosesTheConnectionsItHeld() throws IOException {
        Proxy p = client.createProxy("hold", "localhost:0", echo.address());
        Timeout stall = p.toxics().timeout("stall", ToxicDirection.UPSTREAM, 0);

        try (Socket s = connect(p)) {
            s.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(200);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            stall.remove();

            s.setSoTimeout(1000);
            assertClosed(s);
        }
    }

    @Test
    void deletingAProxyClosesItsConnections() throws IOException {
        Proxy p = client.createProxy("doomed", "localhost:0", echo.address());

        try (Socket s = connect(p)) {
            s.getOutputStream().write(1);
            assertThat(readFully(s, 1)).containsExactly(1);

            p.delete();

            s.setSoTimeout(2000);
            assertClosed(s);
        }
    }

    @Test
    void aLimitDataToxicPassesOnlyItsBytesThenCloses() throws IOException {
        Proxy p = client.createProxy("capped", "localhost:0", echo.address());
        p.toxics().limitData("cap", ToxicDirection.DOWNSTREAM, 100);

        try (Socket s = connect(p)) {
            s.getOutputStream().write(new byte[150]);
            assertThat(s.getInputStream().readAllBytes()).hasSize(100);
        }
    }

    @Test
    void changingTheUpstreamDropsOpenConnectionsAndDialsTheNewOne() throws IOException {
        Proxy p = client.createProxy("switch", "localhost:0", echo.address());
        try (EchoServer other = new EchoServer(); Socket s = connect(p)) {
            s.getOutputStream().write(1);
            assertThat(readFully(s, 1)).containsExactly(1);

            p.setUpstream(other.address());

            assertClosed(s);
            try (Socket again = connect(p)) {
                again.getOutputStream().write(2);
                assertThat(readFully(again, 1)).containsExactly(2);
            }
            assertThat(other.accepted()).isEqualTo(1);
        }
    }

    @Test
    void metricsCountTheBytesThatCrossedAndTheOpenConnection() throws IOException {
        Proxy p = client.createProxy("counted", "localhost:0", echo.address());
        String labels = "listener=\"" + p.getListen() + "\",proxy=\"counted\",upstream=\"" + echo.address() + "\"";

        try (Socket s = connect(p)) {
            s.getOutputStream().write(new byte[1000]);
            readFully(s, 1000);

            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(http.get("/metrics").body()).contains(
                    "toxiproxy_proxy_received_bytes_total{direction=\"upstream\"," + labels + "} 1000\n",
                    "toxiproxy_proxy_sent_bytes_total{direction=\"upstream\"," + labels + "} 1000\n",
                    "toxiproxy_proxy_received_bytes_total{direction=\"downstream\"," + labels + "} 1000\n",
                    "toxiproxy_proxy_sent_bytes_total{direction=\"downstream\"," + labels + "} 1000\n",
                    "toxiproxy_proxy_open_connections{" + labels + "} 1\n"));
        }
    }

    private static Socket connect(Proxy p) throws IOException {
        Socket s = ProxyRoutesTest.connect(ProxyRoutesTest.port(p.getListen()));
        s.setSoTimeout(3000);
        return s;
    }

    private static byte[] readFully(Socket s, int n) throws IOException {
        return s.getInputStream().readNBytes(n);
    }

    /** Reads until the end of the stream; the peer has to close or reset for this to return. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[1024];
        while (in.read(buf) >= 0) {
            // discard
        }
    }

    /** The proxy closed the connection: the read ends with EOF or a reset, not a timeout. */
    private static void assertClosed(Socket s) {
        try {
            drain(s.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was still open after " + Duration.ofMillis(soTimeout(s)), e);
        } catch (IOException resetIsClosedToo) {
            // a reset also tells the client the proxy let go
        }
    }

    private static int soTimeout(Socket s) {
        try {
            return s.getSoTimeout();
        } catch (SocketException e) {
            return -1;
        }
    }
}
