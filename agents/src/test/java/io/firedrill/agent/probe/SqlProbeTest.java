package io.firedrill.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.wire.ProbeResults.Sample;
import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlProbeTest {
    private Vertx vertx;
    private RunnerFixture agent;

    /** Loads H2 once, so that no test's first attempt also pays for the driver's start-up. */
    @BeforeAll
    static void loadTheDriver() throws Exception {
        DriverManager.getConnection("jdbc:h2:mem:warm-up", "sa", "").close();
    }

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
    void runsTheDefaultQueryOnADatabase() {
        agent.start("run-1", ProbeSpec.sql("db", "jdbc:h2:mem:sql-probe-test;DB_CLOSE_DELAY=-1", null, "sa", "", 500,
                500));

        agent.awaitLatest("run-1", "db", 3, s -> s.ok() && s.detail().equals("ok"));
    }

    @Test
    void failsAQueryThatCannotRun() {
        agent.start("run-1", ProbeSpec.sql("db", "jdbc:h2:mem:sql-probe-test", "SELECT * FROM orders", "sa", "", 500,
                500));

        agent.awaitLatest("run-1", "db", 2,
                s -> s.detail().startsWith("JdbcSQLSyntaxErrorException: Table \"ORDERS\" not found"));
        assertThat(agent.samples("run-1", "db")).noneMatch(Sample::ok);
    }

    @Test
    void seesADatabaseServerGoAndComeBack() throws Exception {
        int port = freePort();
        Server db = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:orders";
            agent.start("run-1", ProbeSpec.sql("db", url, null, "sa", "", 300, 300));
            agent.awaitLatest("run-1", "db", 2, Sample::ok);

            db.stop();
            agent.awaitLatest("run-1", "db", 3, s -> !s.ok());

            // The connection kept between attempts broke with the server; the next attempts dial afresh.
            db = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();
            agent.awaitLatest("run-1", "db", 2, Sample::ok);
        } finally {
            db.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
