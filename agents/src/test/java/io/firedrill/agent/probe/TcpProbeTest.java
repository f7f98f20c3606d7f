package io.firedrill.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.wire.ProbeResults.Sample;
import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProbeTest {
    private Vertx vertx;
    private RunnerFixture agent;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        agent = new RunnerFixture(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void connectsToAListeningPort() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            agent.start("run-1", ProbeSpec.tcp("port", "127.0.0.1:" + listening.getLocalPort(), 100, 100));

            agent.awaitLatest("run-1", "port", 3, s -> s.ok() && s.detail().equals("connected"));
        }
    }

    @Test
    void failsOnAClosedPort() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        agent.start("run-1", ProbeSpec.tcp("port", "127.0.0.1:" + closed, 100, 100));

        agent.awaitLatest("run-1", "port", 3, s -> s.detail().startsWith("ConnectException: Connection refused"));
        assertThat(agent.samples("run-1", "port")).noneMatch(Sample::ok);
    }
}
