package io.firedrill.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firedrill.wire.Message;
import io.firedrill.wire.ProbeReport;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProbeSpec;
import io.firedrill.wire.ProbeStart;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {
    private Vertx vertx;
    private ServerSocket listening;
    private RunnerFixture agent;
    private ProbeSpec port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        agent = new RunnerFixture(vertx);
        port = ProbeSpec.tcp("port", "127.0.0.1:" + listening.getLocalPort(), 50, 50);
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        listening.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void answersAResentStartAgainWithoutStartingTwice() {
        ProbeStart start = new ProbeStart("c-1", "run-1", 60_000, List.of(port));
        ProbeReport first = agent.start(start);
        agent.awaitSamples("run-1", "port", 2);

        agent.runner.handle(start);

        await().atMost(RunnerFixture.WAIT).until(() -> agent.reports("c-1").size() == 2);
        assertThat(agent.reports("c-1")).containsExactly(first, first);
        assertThat(agent.runner.runIds().await()).containsExactly("run-1");
        assertOneSamplePerInterval("run-1", "port", 50);
    }

    @Test
    void answersASecondStartOfARunningRunWithoutStartingIt() {
        agent.start("run-1", port);

        ProbeReport again = agent.start("run-1", port);

        assertThat(again.state()).isEqualTo(ProbeReport.STARTED);
        assertThat(again.detail()).isEqualTo("already running");
        assertOneSamplePerInterval("run-1", "port", 50);
    }

    @Test
    void sendsTheLastSamplesBeforeTheStoppedReportAndNothingAfter() {
        agent.start("run-1", port);
        agent.awaitSamples("run-1", "port", 3);

        ProbeReport stopped = agent.stop("run-1");

        assertThat(stopped.state()).isEqualTo(ProbeReport.STOPPED);
        assertThat(stopped.detail()).isEqualTo("stopped by the orchestrator");
        int count = agent.samples("run-1", "port").size();
        await().during(Duration.ofMillis(200)).atMost(RunnerFixture.WAIT)
                .until(() -> agent.samples("run-1", "port").size() == count);
        List<Message> sent = agent.sent;
        assertThat(sent.subList(sent.indexOf(stopped), sent.size())).noneMatch(m -> m instanceof ProbeResults);
        assertThat(agent.runner.runIds().await()).isEmpty();
    }

    @Test
    void answersAStopOfARunItDoesNotProbe() {
        ProbeReport stopped = agent.stop("run-never");

        assertThat(stopped.state()).isEqualTo(ProbeReport.STOPPED);
        assertThat(stopped.detail()).isEqualTo("not running");
    }

    @Test
    void stopsOnItsOwnAfterTheMaximumDuration() {
        agent.start(new ProbeStart("c-1", "run-1", 300, List.of(port)));

        ProbeReport stopped = agent.awaitReport(null);

        assertThat(stopped.runId()).isEqualTo("run-1");
        assertThat(stopped.state()).isEqualTo(ProbeReport.STOPPED);
        assertThat(stopped.detail()).isEqualTo("maximum duration of 300 ms elapsed without a stop");
        assertThat(agent.runner.runIds().await()).isEmpty();
    }

    @Test
    void stopsEveryRunWhenTheAgentStops() throws Exception {
        agent.start("run-1", port);
        agent.start("run-2", port);

        agent.runner.stop("agent stopping").await(10, TimeUnit.SECONDS);

        assertThat(agent.reports(null)).extracting(ProbeReport::runId).containsExactlyInAnyOrder("run-1", "run-2");
        assertThat(agent.reports(null)).extracting(ProbeReport::detail).containsOnly("agent stopping");
        ProbeReport refused = agent.start("run-3", port);
        assertThat(refused.state()).isEqualTo(ProbeReport.FAILED);
        assertThat(refused.detail()).isEqualTo("the agent is stopping");
    }

    @Test
    void failsTheStartOfAProbeWhoseDatabaseNoDriverTakes() {
        ProbeReport failed = agent.start("run-1", port,
                ProbeSpec.sql("db", "jdbc:nosuchdb://127.0.0.1:1/x", null, null, null, 100, 100));

        assertThat(failed.state()).isEqualTo(ProbeReport.FAILED);
        assertThat(failed.detail()).isEqualTo("probe 'db': no JDBC driver on this agent takes "
                + "jdbc:nosuchdb://127.0.0.1:1/x (it has H2 and PostgreSQL)");
        assertThat(agent.runner.runIds().await()).isEmpty();
        assertThat(agent.batches("run-1")).isEmpty();
    }

    @Test
    void holdsSamplesWhileTheChannelIsDownAndSendsThemAfter() {
        agent.connected.set(false);
        agent.start("run-1", port);
        await().pollDelay(Duration.ofMillis(300)).atMost(RunnerFixture.WAIT).until(() -> true);
        assertThat(agent.batches("run-1")).isEmpty();

        agent.connected.set(true);

        List<ProbeResults> batches = await().atMost(RunnerFixture.WAIT).until(() -> agent.batches("run-1"),
                b -> !b.isEmpty());
        assertThat(batches.get(0).seq()).isEqualTo(1);
        assertThat(batches.get(0).samples().size()).isGreaterThanOrEqualTo(4);
    }

    /** Over half a second, one sample per interval (give or take one), as from a single schedule. */
    private void assertOneSamplePerInterval(String runId, String probe, long intervalMillis) {
        int before = agent.samples(runId, probe).size();
        long t0 = System.nanoTime();
        await().pollDelay(Duration.ofMillis(500)).atMost(RunnerFixture.WAIT).until(() -> true);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int taken = agent.samples(runId, probe).size() - before;
        assertThat((long) taken).isBetween(elapsedMillis / intervalMillis - 2, elapsedMillis / intervalMillis + 2);
    }
}
