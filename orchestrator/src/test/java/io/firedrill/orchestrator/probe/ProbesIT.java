package io.firedrill.orchestrator.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.agent.fault.FaultSettings;
import io.firedrill.model.HostPort;
import io.firedrill.model.Link;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes end to end in one JVM: a real orchestrator, real agents connected to it over the control channel, and
 * an HTTP service behind a link of eu-west's agent's built-in proxy. The link is cut and restored through the
 * Toxiproxy API of that proxy, as a fault would, and the probe through it must see both.
 */
class ProbesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LINK = "users->eu-west";
    /** eu-west's agent runs five seconds ahead: its samples must still land on the orchestrator's "now". */
    private static final Duration EU_WEST_SKEW = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    private static OrchestratorServer server;
    private static Vertx agentsVertx;
    private static HttpServer app;
    private static final List<Agent> agents = new ArrayList<>();
    private static String listen;
    private static ProbeService probes;
    private static final List<ProbeSample> samples = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dir.resolve("data")).withPort(0)
                .withEnrollRegions(List.of("eu-west", "us-east", "ap-south", "sa-east")));
        agentsVertx = Vertx.vertx();
        app = agentsVertx.createHttpServer().requestHandler(r -> r.response().end("UP"))
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        listen = "127.0.0.1:" + freePort();
        Link link = new Link(LINK, "users", "eu-west", "eu-west", HostPort.parse(listen),
                new HostPort("127.0.0.1", app.actualPort()), Link.Kind.TRAFFIC);
        startAgent("eu-west", Clock.offset(Clock.systemUTC(), EU_WEST_SKEW),
                Optional.of(FaultSettings.defaults(dir.resolve("agent-eu-west")).withLinks(List.of(link))));
        startAgent("us-east", Clock.systemUTC(), Optional.of(FaultSettings.defaults(dir.resolve("agent-us-east"))));
        // sa-east's agent only keeps the control channel: it runs neither faults nor probes.
        startAgent("sa-east", Clock.systemUTC(), Optional.empty());
        for (String region : List.of("eu-west", "us-east", "sa-east")) {
            await(region + " online").atMost(WAIT).until(() -> server.agents().isOnline(region));
        }
        await("eu-west's clock measured").atMost(WAIT).until(() -> server.agents().clockOffset("eu-west").isPresent());
        probes = new ProbeService(server.vertx(), server.agents(), Clock.systemUTC());
        probes.onSample(samples::add);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (probes != null) {
            probes.close().await(10, TimeUnit.SECONDS);
        }
        for (Agent agent : agents) {
            agent.stop().await(10, TimeUnit.SECONDS);
        }
        if (agentsVertx != null) {
            agentsVertx.close().await(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aProbeThroughALinkFailsWhileTheLinkIsCutAndRecoversWhenItIsBack() throws Exception {
        ProbeSpec health = ProbeSpec.http("eu-west-health", "http://" + listen, "/health", 100, 90, 200);
        ProbeSession session = probes.start("run-link", Map.of("eu-west", List.of(health))).await(30, TimeUnit.SECONDS);
        awaitLatest("run-link", true);

        ToxiproxyClient toxiproxy = toxiproxyOf(agents.get(0));
        Instant cutAt = Instant.now();
        toxiproxy.getProxy(LINK).disable();
        awaitLatest("run-link", false);
        Instant restoredAt = Instant.now();
        toxiproxy.getProxy(LINK).enable();
        awaitLatest("run-link", true);

        // No pooled connection hides the cut: the attempt after it fails, and the one after the restore succeeds.
        ProbeSample firstFailure = samplesOf("run-link").stream().filter(s -> !s.ok()).findFirst().orElseThrow();
        assertThat(firstFailure.detail()).contains("Connection refused");
        assertThat(Duration.between(cutAt, firstFailure.at())).isBetween(Duration.ofMillis(-200), Duration.ofMillis(400));
        ProbeSample firstBack = samplesOf("run-link").stream().filter(s -> s.ok() && s.at().isAfter(restoredAt))
                .findFirst().orElseThrow();
        assertThat(Duration.between(restoredAt, firstBack.at())).isLessThan(Duration.ofMillis(600));
        ProbeSample ok = latest("run-link");
        assertThat(ok.region()).isEqualTo("eu-west");
        assertThat(ok.probe()).isEqualTo("eu-west-health");
        assertThat(ok.detail()).isEqualTo("200");
        assertThat(ok.boundMicros()).isPresent();
        assertThat(Duration.between(ok.at(), Instant.now()).abs())
                .as("mapped onto the orchestrator's clock despite the agent's skew").isLessThan(Duration.ofSeconds(1));
        assertThat(ok.agentTimeMicros() - io.firedrill.wire.Micros.of(ok.at()))
                .isCloseTo(EU_WEST_SKEW.toNanos() / 1000, org.assertj.core.data.Offset.offset(
                        ok.boundMicros().getAsLong() + 1_000));

        session.stop().await(30, TimeUnit.SECONDS);
        assertThat(session.view().state()).isEqualTo("stopped");
        assertThat(session.view().parts().get(0).state()).isEqualTo("stopped");
        int afterStop = samplesOf("run-link").size();
        await().during(Duration.ofMillis(400)).atMost(WAIT).until(() -> samplesOf("run-link").size() == afterStop);
        assertThat(session.view().parts().get(0).samples()).isEqualTo(afterStop);
        assertThat(session.view().parts().get(0).missingBatches()).isZero();
    }

    @Test
    void aRegionWithoutAnAgentFailsTheStartAndNothingIsStarted() throws Exception {
        ProbeSpec tcp = ProbeSpec.tcp("port", listen, 100, 90);

        assertThatThrownBy(() -> probes.start("run-offline", Map.of("eu-west", List.of(tcp), "ap-south",
                List.of(tcp))).await(30, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ProbeException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("cannot start the probes of run run-offline: the agent of "
                            + "region(s) ap-south is not connected; nothing was started");
                });
        assertThat(agents.get(0).probes().orElseThrow().runIds().await(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aRequestWithTwoProbesOfOneNameIsRefusedBeforeAnythingIsSent() throws Exception {
        ProbeSpec tcp = ProbeSpec.tcp("port", listen, 100, 90);

        assertThatThrownBy(() -> probes.start("run-names", Map.of("eu-west", List.of(tcp, tcp)))
                .await(30, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ProbeException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("cannot start the probes of run run-names: field 'probes' "
                            + "names probe 'port' twice; names must be unique within a run; nothing was started");
                });
        assertThat(probes.session("run-names")).isEmpty();
    }

    @Test
    void anAgentThatDoesNotRunProbesIsRefused() {
        assertThatThrownBy(() -> probes.start("run-caps", Map.of("sa-east", List.of(ProbeSpec.tcp("port", listen, 100,
                90)))).await(30, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ProbeException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("cannot start the probes of run run-caps: the agent of "
                            + "region sa-east does not run probes (its capabilities: heartbeat/v1, time-sync/v1); "
                            + "upgrade it; nothing was started");
                });
    }

    @Test
    void anAgentThatCannotStartItsProbesMakesTheOthersStopAgain() throws Exception {
        ProbeSpec fine = ProbeSpec.tcp("port", listen, 100, 90);
        ProbeSpec noDriver = ProbeSpec.sql("db", "jdbc:nosuchdb://127.0.0.1:1/x", null, null, null, 100, 90);

        assertThatThrownBy(() -> probes.start("run-partial", Map.of("eu-west", List.of(fine), "us-east",
                List.of(noDriver))).await(30, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(ProbeException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).isEqualTo("cannot start the probes of run run-partial: region us-east: "
                            + "probe 'db': no JDBC driver on this agent takes jdbc:nosuchdb://127.0.0.1:1/x (it has H2 "
                            + "and PostgreSQL); the probes that started were stopped");
                });
        assertThat(probes.session("run-partial").orElseThrow().view().state()).isEqualTo("failed");
        await().atMost(WAIT).until(() -> agents.get(0).probes().orElseThrow().runIds().await().isEmpty());
    }

    @Test
    void aSecondStartOfARunningRunIsRefused() throws Exception {
        Map<String, List<ProbeSpec>> plan = Map.of("us-east", List.of(ProbeSpec.tcp("port", listen, 100, 90)));
        ProbeSession session = probes.start("run-twice", plan).await(30, TimeUnit.SECONDS);
        try {
            assertThatThrownBy(() -> probes.start("run-twice", plan).await(30, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(ProbeException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("the probes of run run-twice are already running; stop them first"));
        } finally {
            session.stop().await(30, TimeUnit.SECONDS);
        }
    }

    private static void startAgent(String region, Clock clock, Optional<FaultSettings> features) throws Exception {
        AgentConfig config = AgentConfig.of(region, URI.create("ws://127.0.0.1:" + server.port()),
                AgentConfig.readToken(server.tokenFile(region)), "probes-it");
        Agent agent = new Agent(agentsVertx, config, clock, new SecureRandom(), features);
        agent.start().await(30, TimeUnit.SECONDS);
        agents.add(agent);
    }

    private static ToxiproxyClient toxiproxyOf(Agent agent) {
        URI api = agent.faults().orElseThrow().api().orElseThrow();
        return new ToxiproxyClient(api.getHost(), api.getPort());
    }

    private static List<ProbeSample> samplesOf(String runId) {
        return samples.stream().filter(s -> s.runId().equals(runId)).toList();
    }

    private static ProbeSample latest(String runId) {
        List<ProbeSample> all = samplesOf(runId);
        return all.get(all.size() - 1);
    }

    /** Waits until the run's last two samples both have the given outcome. */
    private static void awaitLatest(String runId, boolean ok) {
        await("samples of " + runId + " with ok=" + ok).atMost(WAIT).until(() -> {
            List<ProbeSample> all = samplesOf(runId);
            return all.size() >= 2 && all.get(all.size() - 1).ok() == ok && all.get(all.size() - 2).ok() == ok;
        });
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
