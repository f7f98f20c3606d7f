package io.firedrill.agent.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import io.firedrill.agent.proxy.api.EchoServer;
import io.firedrill.model.HostPort;
import io.firedrill.model.Link;
import io.firedrill.agent.proxy.api.ToxiproxyServer;
import io.firedrill.wire.FaultApply;
import io.firedrill.wire.FaultReport;
import io.firedrill.wire.FaultRevert;
import io.firedrill.wire.Halt;
import io.firedrill.wire.HaltReport;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.firedrill.wire.LeaseRenew;
import io.firedrill.wire.LinkAction;
import io.firedrill.wire.ToxicAction;
import io.firedrill.agent.proxy.ProxyVertx;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultKeeperTest {
    private static final String LINK = "users->eu-west";

    @TempDir
    Path dir;

    private Vertx vertx;
    private ToxiproxyServer server;
    private ToxiproxyClient client;
    private EchoServer echo;
    private String listen;
    private final BlockingQueue<FaultReport> reports = new LinkedBlockingQueue<>();
    private final BlockingQueue<HaltReport> halts = new LinkedBlockingQueue<>();
    private FaultKeeper keeper;

    @BeforeEach
    void start() throws Exception {
        vertx = ProxyVertx.create(); // the transport the agent and firedrill proxy run on
        server = new ToxiproxyServer(vertx);
        int port = server.start("127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        client = new ToxiproxyClient("127.0.0.1", port);
        echo = new EchoServer();
        listen = "127.0.0.1:" + freePort();
        keeper = keeper(HostTargets.none());
    }

    @AfterEach
    void stop() throws Exception {
        keeper.revertAll("test over").await(10, TimeUnit.SECONDS);
        server.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        echo.close();
    }

    private FaultKeeper keeper(HostTargets targets) {
        return new FaultKeeper(vertx, Clock.systemUTC(), new LinkDriver(client), new HostDriver(targets),
                new FaultJournal(dir), true, m -> {
                    if (m instanceof HaltReport h) {
                        halts.add(h);
                    } else {
                        reports.add((FaultReport) m);
                    }
                }, "eu-west");
    }

    @Test
    void appliesALatencyFaultThroughTheProxyAndRevertsIt() throws Exception {
        keeper.handle(latency("c-1", "f-1", 10_000, 300));

        FaultReport applied = next();
        assertThat(applied.state()).isEqualTo(FaultReport.APPLIED);
        assertThat(applied.commandId()).isEqualTo("c-1");
        assertThat(toxicNames()).containsExactly("firedrill-f-1-latency-downstream");
        assertThat(EchoServer.roundTripMillis(listen, "ping")).isGreaterThanOrEqualTo(290);

        keeper.handle(new FaultRevert("c-2", "f-1", "by hand"));

        assertThat(next()).extracting(FaultReport::commandId, FaultReport::state, FaultReport::detail)
                .containsExactly("c-2", FaultReport.REVERTED, "by hand");
        assertThat(toxicNames()).isEmpty();
        assertThat(EchoServer.roundTripMillis(listen, "ping")).isLessThan(250);
    }

    @Test
    void revertsOnItsOwnWhenTheLeaseRunsOut() throws Exception {
        keeper.handle(latency("c-1", "f-1", 300, 100));
        assertThat(next().state()).isEqualTo(FaultReport.APPLIED);

        FaultReport expired = next();

        assertThat(expired).extracting(FaultReport::commandId, FaultReport::state, FaultReport::detail)
                .containsExactly(null, FaultReport.REVERTED, "lease expired");
        assertThat(toxicNames()).isEmpty();
    }

    @Test
    void renewalsKeepTheFaultUntilTheyStop() throws Exception {
        keeper.handle(latency("c-1", "f-1", 400, 50));
        assertThat(next().state()).isEqualTo(FaultReport.APPLIED);
        long until = System.nanoTime() + Duration.ofMillis(1_200).toNanos();
        while (System.nanoTime() < until) {
            keeper.handle(new LeaseRenew(List.of("f-1"), 400));
            assertThat(reports.poll(100, TimeUnit.MILLISECONDS)).as("no report while renewed").isNull();
        }
        assertThat(toxicNames()).hasSize(1);

        assertThat(next().detail()).isEqualTo("lease expired");
    }

    @Test
    void aResentCommandIsAnsweredAgainButAppliedOnce() throws Exception {
        FaultApply apply = latency("c-1", "f-1", 10_000, 50);
        keeper.handle(apply);
        keeper.handle(apply);

        FaultReport first = next();
        FaultReport second = next();

        assertThat(second).isEqualTo(first);
        assertThat(toxicNames()).hasSize(1);
    }

    @Test
    void aLinkCutByTwoFaultsComesBackOnlyWhenBothAreReverted() throws Exception {
        keeper.handle(cut("c-1", "f-1"));
        keeper.handle(cut("c-2", "f-2"));
        assertThat(List.of(next().state(), next().state())).containsOnly(FaultReport.APPLIED);
        assertThatThrownBy(() -> EchoServer.roundTripMillis(listen, "x")).isInstanceOf(IOException.class);

        keeper.handle(new FaultRevert("c-3", "f-1", ""));
        assertThat(next().state()).isEqualTo(FaultReport.REVERTED);
        assertThat(client.getProxy(LINK).isEnabled()).isFalse();

        keeper.handle(new FaultRevert("c-4", "f-2", ""));
        assertThat(next().state()).isEqualTo(FaultReport.REVERTED);
        assertThat(client.getProxy(LINK).isEnabled()).isTrue();
        assertThat(EchoServer.roundTripMillis(listen, "x")).isLessThan(1_000);
    }

    @Test
    void aFaultThatFailsPartWayLeavesNothingApplied() throws Exception {
        String other = "127.0.0.1:" + freePort();
        FaultApply apply = new FaultApply("c-1", "f-1", "latency", 10_000, List.of(
                new LinkAction(LINK, listen, echo.address(), false,
                        List.of(new ToxicAction("latency", "downstream", 1.0, Map.of("latency", 100L)))),
                new LinkAction("users->us-east", other, echo.address(), false,
                        List.of(new ToxicAction("bandwidth", "downstream", 1.0, Map.of("rate", 0L))))), null);

        keeper.handle(apply);

        FaultReport failed = next();
        assertThat(failed.state()).isEqualTo(FaultReport.FAILED);
        assertThat(failed.detail()).contains("rate");
        assertThat(toxicNames()).isEmpty();
    }

    @Test
    void revertingAFaultItDoesNotHoldIsAnsweredAsReverted() throws Exception {
        keeper.handle(new FaultRevert("c-9", "f-unknown", "by hand"));

        assertThat(next()).extracting(FaultReport::state, FaultReport::detail)
                .containsExactly(FaultReport.REVERTED, "not held");
    }

    @Test
    void aCommandFaultRunsItsRevertCommandWhenReverted() throws Exception {
        Path marker = dir.resolve("drained");
        Path apply = script("apply.sh", "touch " + marker);
        Path revert = script("revert.sh", "rm " + marker);
        keeper = keeper(HostTargets.parse(List.of(), List.of("drain=" + apply + "," + revert)));

        keeper.handle(new FaultApply("c-1", "f-1", "command", 10_000, List.of(),
                new io.firedrill.wire.HostAction("command", "drain", null)));
        assertThat(next().state()).isEqualTo(FaultReport.APPLIED);
        assertThat(marker).exists();

        keeper.handle(new FaultRevert("c-2", "f-1", ""));
        assertThat(next().state()).isEqualTo(FaultReport.REVERTED);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aCleanSlateRevertsWhatACrashedRunLeftBehind() throws Exception {
        Path marker = dir.resolve("drained");
        Path revert = script("revert.sh", "rm " + marker);
        Files.writeString(marker, "");
        keeper.handle(latency("c-1", "f-1", 60_000, 100));
        assertThat(next().state()).isEqualTo(FaultReport.APPLIED);
        new FaultJournal(dir).write(List.of(latency("c-1", "f-1", 60_000, 100),
                new FaultApply("c-2", "f-2", "command", 60_000, List.of(),
                        new io.firedrill.wire.HostAction("command", "drain", null))));

        FaultKeeper restarted = keeper(HostTargets.parse(List.of(), List.of("drain=" + script("apply.sh", "true")
                + "," + revert)));
        restarted.cleanSlate(List.of(new Link(LINK, "users", "eu-west", "eu-west", HostPort.parse(listen),
                HostPort.parse(echo.address()), Link.Kind.TRAFFIC))).await(10, TimeUnit.SECONDS);

        assertThat(toxicNames()).isEmpty();
        assertThat(marker).doesNotExist();
        assertThat(new FaultJournal(dir).read()).isEmpty();
        restarted.revertAll("test over").await(10, TimeUnit.SECONDS);
    }

    @Test
    void haltRevertsEveryHeldFaultAndSweepsToxicsTheAgentNoLongerKnows() throws Exception {
        keeper.cleanSlate(List.of(new Link(LINK, "users", "eu-west", "eu-west", HostPort.parse(listen),
                HostPort.parse(echo.address()), Link.Kind.TRAFFIC))).await(10, TimeUnit.SECONDS);
        keeper.handle(latency("c-1", "f-1", 60_000, 300));
        keeper.handle(cut("c-2", "f-2"));
        assertThat(List.of(next().state(), next().state())).containsOnly(FaultReport.APPLIED);
        // Left by an earlier agent whose journal is gone: only the sweep can find it.
        client.getProxy(LINK).toxics().latency("firedrill-orphan", ToxicDirection.UPSTREAM, 400);

        keeper.handle(new Halt("c-3", "by alice"));

        assertThat(List.of(next(), next())).extracting(FaultReport::state, FaultReport::detail).containsOnly(
                org.assertj.core.groups.Tuple.tuple(FaultReport.REVERTED, "HALT: by alice"));
        HaltReport done = halts.poll(5, TimeUnit.SECONDS);
        assertThat(done).isNotNull();
        assertThat(done).extracting(HaltReport::commandId, HaltReport::reverted, HaltReport::linksCleaned,
                HaltReport::detail).containsExactly("c-3", 2, 1, "");
        assertThat(toxicNames()).isEmpty();
        assertThat(client.getProxy(LINK).isEnabled()).isTrue();
        assertThat(EchoServer.roundTripMillis(listen, "ping")).isLessThan(250);
    }

    @Test
    void aProcessKillSignalsOnlyTheDeclaredProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        Path pidFile = dir.resolve("app.pid");
        Files.writeString(pidFile, Long.toString(sleeper.pid()));
        keeper = keeper(HostTargets.parse(List.of("app=pidfile:" + pidFile), List.of()));

        keeper.handle(new FaultApply("c-1", "f-1", "process-kill", 10_000, List.of(),
                new io.firedrill.wire.HostAction("process-kill", "app", "SIGKILL")));
        assertThat(next().detail()).isEqualTo("sent SIGKILL to app (pid " + sleeper.pid() + ")");
        assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();

        keeper.handle(new FaultApply("c-2", "f-2", "process-kill", 10_000, List.of(),
                new io.firedrill.wire.HostAction("process-kill", "db", "SIGKILL")));
        assertThat(next()).extracting(FaultReport::state, FaultReport::detail).containsExactly(FaultReport.FAILED,
                "process 'db' is not declared to this agent; declared: app");
    }

    private FaultApply latency(String commandId, String faultId, long leaseMillis, long latencyMillis) {
        return new FaultApply(commandId, faultId, "latency", leaseMillis, List.of(new LinkAction(LINK, listen,
                echo.address(), false, List.of(new ToxicAction("latency", "downstream", 1.0,
                        Map.of("latency", latencyMillis, "jitter", 0L))))), null);
    }

    private FaultApply cut(String commandId, String faultId) {
        return new FaultApply(commandId, faultId, "region-blackout", 10_000,
                List.of(new LinkAction(LINK, listen, echo.address(), true, List.of())), null);
    }

    private FaultReport next() throws InterruptedException {
        FaultReport r = reports.poll(5, TimeUnit.SECONDS);
        assertThat(r).as("a report within 5 s").isNotNull();
        return r;
    }

    private List<String> toxicNames() throws IOException {
        return client.getProxy(LINK).toxics().getAll().stream().map(Toxic::getName).toList();
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        file.toFile().setExecutable(true);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
