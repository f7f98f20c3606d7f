package io.firedrill.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A proxy without toxics is a transparent pipe in both directions. */
class PlainPipingTest extends ProxyTestBase {
    @Test
    void echoesA64KiBMessageIntact() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        Peer client = connect(proxy);
        byte[] message = randomBytes(64 * 1024, 1);

        client.write(message);

        assertThat(client.read(message.length)).isEqualTo(message);
    }

    @Test
    void deliversATwoPartWriteIntact() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        Peer client = connect(proxy);

        client.write("hello ");
        Peer upstream = server.nextPeer();
        client.write("world");

        assertThat(upstream.readString(11)).isEqualTo("hello world");
    }

    @Test
    void passesAGreetingTheServerSendsFirst() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        Peer client = connect(proxy);

        server.nextPeer().write("220 ready\r\n");

        assertThat(client.readString(11)).isEqualTo("220 ready\r\n");
    }

    @Test
    void carriesABulkStreamIntactUnderBackPressure() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        Peer client = connect(proxy);
        Peer upstream = server.nextPeer();
        byte[] block = randomBytes(1 << 20, 2);
        MessageDigest sentDigest = MessageDigest.getInstance("SHA-256");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 32; i++) {
                    client.write(block);
                    sentDigest.update(block);
                }
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        byte[] received = upstream.readToEnd();
        writer.get();

        assertThat(received).hasSize(32 << 20);
        assertThat(MessageDigest.getInstance("SHA-256").digest(received)).isEqualTo(sentDigest.digest());
    }

    @Test
    void closesTheClientWhenTheUpstreamCloses() throws Exception {
        TestServer server = manualServer();
        Proxy proxy = startProxy(server.address());
        Peer client = connect(proxy);

        Peer upstream = server.nextPeer();
        upstream.write("bye");
        upstream.close();

        assertThat(client.readString(3)).isEqualTo("bye");
        assertThat(client.readsEof(Duration.ofSeconds(1))).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> proxy.openConnections() == 0);
    }

    @Test
    void countsBytesPerDirection() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        Peer client = connect(proxy);

        client.write(new byte[1000]);
        client.read(1000);

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Direction d : Direction.values()) {
                assertThat(proxy.bytesReceived(d)).as("received " + d).isEqualTo(1000);
                assertThat(proxy.bytesSent(d)).as("sent " + d).isEqualTo(1000);
            }
        });
        assertThat(proxy.openConnections()).isEqualTo(1);
    }

    @Test
    void servesManyConcurrentConnections() throws Exception {
        Proxy proxy = startProxy(echoServer().address());
        int count = 300;
        Peer[] clients = new Peer[count];
        for (int i = 0; i < count; i++) {
            clients[i] = connect(proxy);
        }
        for (int i = 0; i < count; i++) {
            clients[i].write("message " + i + ";");
        }
        for (int i = 0; i < count; i++) {
            String expected = "message " + i + ";";
            assertThat(clients[i].readString(expected.length())).isEqualTo(expected);
        }
        assertThat(proxy.openConnections()).isEqualTo(count);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }
}
