package io.firedrill.agent.proxy.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.agent.proxy.ProxyVertx;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One API server per test class on 127.0.0.1:0, driven through Toxiproxy's Java client and raw HTTP, with an
 * echo server to stand upstream. Each test starts with no proxies.
 */
abstract class ApiTestSupport {
    static Vertx vertx;
    static ToxiproxyServer server;
    static ToxiproxyClient client;
    static RawHttp http;
    static EchoServer echo;
    private static int port;

    @BeforeAll
    static void startServer() throws Exception {
        vertx = ProxyVertx.create(); // the transport the agent and firedrill proxy run on
        server = new ToxiproxyServer(vertx, new SplittableRandom(7));
        port = server.start("127.0.0.1", 0).await(5, TimeUnit.SECONDS);
        http = new RawHttp(port);
        echo = new EchoServer();
    }

    /** A fresh client per test: the client remembers every proxy it made and re-reads them all on reset. */
    @BeforeEach
    void newClient() {
        client = new ToxiproxyClient("127.0.0.1", port);
    }

    @AfterEach
    void deleteEveryProxy() {
        server.registry().list().forEach(p -> http.delete("/proxies/" + p.name()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop().await(5, TimeUnit.SECONDS);
        vertx.close().await(5, TimeUnit.SECONDS);
        echo.close();
    }

    /** A port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Nothing listens on the port any more. Polled: a closed listener may linger for a few milliseconds after
     * the API has answered.
     */
    static void awaitRefused(int port) {
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            }
        }).isInstanceOf(ConnectException.class));
    }

    /** Another process could bind the port now. */
    static void awaitFree(int port) {
        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port));
            }
        });
    }

    static String proxyJson(String name, String listen, String upstream) {
        return "{\"name\":\"" + name + "\",\"listen\":\"" + listen + "\",\"upstream\":\"" + upstream + "\"}";
    }
}
