package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import io.firedrill.testing.DistProcesses;
import io.firedrill.testing.EchoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults applied by hand, end to end between real processes: an orchestrator, two agents on their built-in
 * proxies, and a third agent driving a standalone {@code firedrill proxy} as an external Toxiproxy. Traffic is
 * real TCP from this test through the agents' proxies to an echo server. Ordered, because the processes are
 * shared; the last test kills the orchestrator to show the agents' dead-man switch.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static DistProcesses dist;
    private static Path work;
    private static EchoServer echo;
    private static ApiClient api;
    private static DistProcesses.Started orchestrator;
    private static int orchestratorPort;
    private static Path dataDir;
    private static DistProcesses.Started apSouth;
    private static int externalProxyPort;
    private static String euListen;
    private static String replicationListen;
    private static String apListen;
    private static String fromSaEastListen;

    @BeforeAll
    static void startEverything() throws Exception {
        dist = DistProcesses.in("faults-it");
        work = dist.workDir();
        echo = new EchoServer();
        euListen = "127.0.0.1:" + freePort();
        replicationListen = "127.0.0.1:" + freePort();
        apListen = "127.0.0.1:" + freePort();
        fromSaEastListen = "127.0.0.1:" + freePort();
        Path estate = Files.writeString(work.resolve("estate.yaml"), estateYaml());
        Path data = work.resolve("data");
        dataDir = data;
        // A fixed port: the last test restarts the orchestrator, and the agents must find it where it was.
        orchestratorPort = freePort();
        orchestrator = dist.start("orchestrator", "server", "--port", Integer.toString(orchestratorPort),
                "--data-dir", data.toString(), "--enroll", "eu-west,us-east,ap-south");
        api = ApiClient.admin("http://127.0.0.1:" + orchestrator.awaitPort(START), data);
        ApiClient.Reply registered = api.post("/api/v1/estates", "application/yaml", Files.readString(estate));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        externalProxyPort = freePort();
        dist.start("toxiproxy", "proxy", "--port", Integer.toString(externalProxyPort));
        startAgent("eu-west", estate, data);
        startAgent("us-east", estate, data);
        await("the standalone proxy's API").atMost(START).until(() -> reachable(externalProxyPort));
        apSouth = startAgent("ap-south", estate, data, "--toxiproxy", "http://127.0.0.1:" + externalProxyPort);
        for (String region : List.of("eu-west", "us-east", "ap-south")) {
            await(region + " online").atMost(START).pollInterval(Duration.ofMillis(100))
                    .until(() -> "ONLINE".equals(api.get("/api/v1/agents/" + region).json().path("status").asText()));
        }
        await("eu-west's link carries traffic").atMost(START).until(() -> echoes(euListen));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (dist != null) {
            dist.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    @Order(1)
    void aLatencyFaultSlowsTheLinkUntilItIsReverted() throws Exception {
        ApiClient.Reply applied = api.post("/api/v1/faults", "application/yaml", """
                estate: faults-it
                fault: latency
                target: {link: users->eu-west, latency: 300ms}
                """);

        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        assertThat(applied.json().path("state").asText()).isEqualTo("active");
        assertThat(applied.json().path("parts").get(0).path("region").asText()).isEqualTo("eu-west");
        assertThat(applied.json().path("parts").get(0).path("state").asText()).isEqualTo("applied");
        assertThat(EchoServer.roundTripMillis(euListen, "ping")).isGreaterThanOrEqualTo(290);

        String id = applied.json().path("id").asText();
        ApiClient.Reply reverted = api.delete("/api/v1/faults/" + id);

        assertThat(reverted.status()).isEqualTo(200);
        assertThat(reverted.json().path("state").asText()).isEqualTo("reverted");
        assertThat(EchoServer.roundTripMillis(euListen, "ping")).isLessThan(250);
        assertThat(api.get("/api/v1/faults/" + id).json().path("revertedAt").isTextual()).isTrue();
    }

    @Test
    @Order(2)
    void aBlackoutCutsEveryLinkOfTheRegionOnEveryAgentThatCarriesOne() throws Exception {
        ApiClient.Reply applied = api.post("/api/v1/faults", "application/json",
                "{\"estate\":\"faults-it\",\"fault\":\"region-blackout\",\"target\":{\"region\":\"eu-west\"}}");

        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        assertThat(applied.json().path("parts").findValuesAsText("region")).containsExactly("eu-west", "us-east");
        assertThatThrownBy(() -> EchoServer.roundTripMillis(euListen, "x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> EchoServer.roundTripMillis(replicationListen, "x")).isInstanceOf(IOException.class);

        api.delete("/api/v1/faults/" + applied.json().path("id").asText());

        assertThat(echoes(euListen)).isTrue();
        assertThat(echoes(replicationListen)).isTrue();
    }

    @Test
    @Order(3)
    void replicationLagSlowsTheReplicationLinkAndEndsWithItsDuration() throws Exception {
        ApiClient.Reply applied = api.post("/api/v1/faults", "application/yaml", """
                estate: faults-it
                fault: replication-lag
                target: {links: [eu-west->us-east/replication], latency: 300ms}
                duration: 1500ms
                """);
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        assertThat(applied.json().path("expiresAt").isTextual()).isTrue();
        assertThat(EchoServer.roundTripMillis(replicationListen, "row")).isGreaterThanOrEqualTo(290);
        assertThat(EchoServer.roundTripMillis(euListen, "ping")).as("other links untouched").isLessThan(250);

        String id = applied.json().path("id").asText();
        await("the duration ends and the fault is reverted").atMost(Duration.ofSeconds(10))
                .until(() -> "reverted".equals(api.get("/api/v1/faults/" + id).json().path("state").asText()));
        assertThat(api.get("/api/v1/faults/" + id).json().path("reason").asText()).isEqualTo("duration elapsed");
        assertThat(EchoServer.roundTripMillis(replicationListen, "row")).isLessThan(250);
    }

    @Test
    @Order(4)
    void aFaultOnARegionWithoutAnAgentIsRefusedAndNothingIsApplied() {
        ApiClient.Reply refused = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: region-blackout\ntarget: {region: sa-east}\n");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).isEqualTo("cannot apply region-blackout: the agent of "
                + "region(s) sa-east is not connected; nothing was applied");
        assertThat(echoes(fromSaEastListen)).as("the link eu-west's agent carries is untouched").isTrue();
    }

    @Test
    @Order(5)
    void aFaultThatFailsOnOneAgentIsUndoneOnTheOthers() {
        ApiClient.Reply failed = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: link-partition\ntarget: {between: [sa-east], and: [eu-west, us-east]}\n");

        assertThat(failed.status()).as(failed.text()).isEqualTo(502);
        assertThat(failed.json().path("error").asText()).startsWith("cannot apply link-partition ")
                .contains("region us-east: ").endsWith("; the parts that took were reverted");
        JsonNode fault = failed.json().path("fault");
        assertThat(fault.path("state").asText()).isEqualTo("failed");
        assertThat(fault.path("parts").findValuesAsText("state")).containsExactly("reverted", "failed");
        assertThat(echoes(fromSaEastListen)).as("eu-west's part was undone").isTrue();
    }

    @Test
    @Order(6)
    void badInputIsRefusedWithEveryProblemAndItsPosition() {
        ApiClient.Reply refused = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: latency\ntarget: {link: users->eu-wset, latency: 1s}\nlease: 10ms\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("problems").findValuesAsText("message")).hasSize(2);
        assertThat(refused.json().path("error").asText()).startsWith("fault is not valid: 2 problem(s); the first: "
                + "request.yaml:3:16 target.link: unknown link 'users->eu-wset'");
        assertThat(api.post("/api/v1/faults", "application/yaml", "estate: nowhere\nfault: latency\n").json()
                .path("error").asText()).isEqualTo("estate 'nowhere' is neither registered nor built in; expected one "
                + "of GET /api/v1/estates");
        ApiClient.Reply undeclared = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: process-kill\ntarget: {region: eu-west, process: app}\n");
        assertThat(undeclared.status()).isEqualTo(409);
        assertThat(undeclared.json().path("error").asText()).isEqualTo("the agent of region eu-west was not started "
                + "with --process app=...; it only runs host faults it was given; nothing was applied");
    }

    @Test
    @Order(7)
    void haltRevertsEveryFaultOnEveryAgentAndRefusesNewOnesUntilResumed() throws Exception {
        ApiClient.Reply latency = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: latency\ntarget: {link: users->eu-west, latency: 300ms}\n");
        ApiClient.Reply lag = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: replication-lag\ntarget: {links: [eu-west->us-east/replication], latency: 300ms}\n");
        assertThat(List.of(latency.status(), lag.status())).as(latency.text() + lag.text()).containsOnly(201);
        assertThat(EchoServer.roundTripMillis(euListen, "ping")).isGreaterThanOrEqualTo(290);

        ApiClient.Reply halted = api.post("/api/v1/halt?reason=checkout%20errors", null, "");

        assertThat(halted.status()).as(halted.text()).isEqualTo(200);
        assertThat(halted.json().path("halt").path("reason").asText()).isEqualTo("checkout errors");
        assertThat(halted.json().path("agents").findValuesAsText("region"))
                .containsExactlyInAnyOrder("eu-west", "us-east", "ap-south");
        assertThat(halted.json().path("unanswered")).isEmpty();
        assertThat(halted.json().path("agents").findValues("reverted").stream().mapToInt(JsonNode::asInt).sum())
                .isEqualTo(2);
        assertThat(EchoServer.roundTripMillis(euListen, "ping")).isLessThan(250);
        assertThat(EchoServer.roundTripMillis(replicationListen, "row")).isLessThan(250);
        for (ApiClient.Reply f : List.of(latency, lag)) {
            String id = f.json().path("id").asText();
            await("fault " + id + " known reverted").atMost(Duration.ofSeconds(10))
                    .until(() -> "reverted".equals(api.get("/api/v1/faults/" + id).json().path("state").asText()));
        }

        ApiClient.Reply refused = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: latency\ntarget: {link: users->eu-west, latency: 300ms}\n");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("error").asText()).startsWith("cannot apply latency: a HALT is in force since ")
                .contains("checkout errors").endsWith("nothing was applied");
        assertThat(EchoServer.roundTripMillis(euListen, "ping")).isLessThan(250);
        assertThat(api.get("/api/v1/halt").json().path("halted").asBoolean()).isTrue();

        DistProcesses.Started resume = dist.start("halt-resume", "halt", "--resume", "--server", api.base());
        assertThat(resume.awaitExit(START)).as(resume.output()).isZero();
        assertThat(resume.output()).contains("resumed; runs and faults may start again");
        ApiClient.Reply again = api.post("/api/v1/halt/resume", null, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asText()).isEqualTo("no HALT is in force; nothing to resume");
        ApiClient.Reply allowed = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: latency\ntarget: {link: users->eu-west, latency: 300ms}\n");
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(201);
        api.delete("/api/v1/faults/" + allowed.json().path("id").asText());
    }

    @Test
    @Order(8)
    void anAgentOnAnExternalToxiproxyRevertsWhenStoppedAndCleansUpAfterACrash() throws Exception {
        ToxiproxyClient external = new ToxiproxyClient("127.0.0.1", externalProxyPort);
        String body = "estate: faults-it\nfault: latency\ntarget: {link: users->ap-south, latency: 200ms}\n";
        assertThat(api.post("/api/v1/faults", "application/yaml", body).status()).isEqualTo(201);
        assertThat(toxics(external)).hasSize(1);

        apSouth.signal("TERM");
        apSouth.awaitExit(Duration.ofSeconds(30));
        assertThat(toxics(external)).as("reverted on an orderly stop").isEmpty();

        Path data = work.resolve("data");
        DistProcesses.Started again = startAgent("ap-south-2", "ap-south", work.resolve("estate.yaml"), data,
                "--toxiproxy", "http://127.0.0.1:" + externalProxyPort);
        await("ap-south back").atMost(START)
                .until(() -> "ONLINE".equals(api.get("/api/v1/agents/ap-south").json().path("status").asText()));
        assertThat(api.post("/api/v1/faults", "application/yaml", body).status()).isEqualTo(201);
        again.signal("KILL");
        again.awaitExit(Duration.ofSeconds(30));
        assertThat(toxics(external)).as("a killed agent cannot revert").hasSize(1);

        DistProcesses.Started third = startAgent("ap-south-3", "ap-south", work.resolve("estate.yaml"), data,
                "--toxiproxy", "http://127.0.0.1:" + externalProxyPort);
        third.awaitLog("left over from an earlier run", START);
        await("the leftover toxic removed").atMost(Duration.ofSeconds(30)).until(() -> toxics(external).isEmpty());
        assertThat(echoes(apListen)).isTrue();
    }

    @Test
    @Order(9)
    void agentsRevertOnTheirOwnWhenTheOrchestratorDiesAndARestartedOneRevertsWhatIsLeft() throws Exception {
        await("ap-south back after the previous test restarted it").atMost(START).pollInterval(Duration.ofMillis(100))
                .until(() -> "ONLINE".equals(api.get("/api/v1/agents/ap-south").json().path("status").asText()));
        ApiClient.Reply blackout = api.post("/api/v1/faults", "application/yaml",
                "estate: faults-it\nfault: region-blackout\ntarget: {region: eu-west}\n");
        ApiClient.Reply longLease = api.post("/api/v1/faults", "application/yaml", """
                estate: faults-it
                fault: latency
                target: {link: users->ap-south, latency: 400ms}
                lease: 120s
                """);
        assertThat(List.of(blackout.status(), longLease.status())).as(blackout.text() + longLease.text())
                .containsOnly(201);
        assertThat(echoes(euListen)).isFalse();
        assertThat(echoes(replicationListen)).isFalse();

        orchestrator.signal("KILL");
        long killed = System.nanoTime();

        await("both agents revert the blackout within its lease (10 s) + 1 s").atMost(Duration.ofSeconds(11))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> echoes(euListen) && echoes(replicationListen));
        System.out.printf("blackout reverted by the agents %d ms after the orchestrator died (lease 10 s)%n",
                (System.nanoTime() - killed) / 1_000_000);
        assertThat(EchoServer.roundTripMillis(apListen, "ping")).as("the 120 s lease still holds")
                .isGreaterThanOrEqualTo(390);

        orchestrator = dist.start("orchestrator-restarted", "server", "--port", Integer.toString(orchestratorPort),
                "--data-dir", dataDir.toString());
        orchestrator.awaitPort(START);
        long restarted = System.nanoTime();
        await("the restarted orchestrator reverts the fault nobody holds when ap-south reconnects")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> EchoServer.roundTripMillis(apListen, "ping") < 200);
        System.out.printf("orphan reverted %d ms after the orchestrator restarted (its lease had ~%d s left)%n",
                (System.nanoTime() - restarted) / 1_000_000, 120 - (System.nanoTime() - killed) / 1_000_000_000);
        assertThat(orchestrator.output()).contains("holds 1 fault(s) no run or person here holds");
    }

    private static DistProcesses.Started startAgent(String region, Path estate, Path data, String... extra)
            throws IOException {
        return startAgent("agent-" + region, region, estate, data, extra);
    }

    private static DistProcesses.Started startAgent(String name, String region, Path estate, Path data,
            String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("agent", "--region", region, "--orchestrator",
                "ws://127.0.0.1:" + orchestrator.awaitPort(START), "--token-file",
                data.resolve("tokens").resolve(region + ".token").toString(), "--heartbeat", "200ms",
                "--estate", estate.toString(), "--state-dir", work.resolve("state-" + region).toString()));
        args.addAll(List.of(extra));
        return dist.start(name, args.toArray(String[]::new));
    }

    private static List<String> toxics(ToxiproxyClient client) throws IOException {
        return client.getProxy("users->ap-south").toxics().getAll().stream().map(Toxic::getName).toList();
    }

    private static boolean echoes(String listen) {
        try {
            return EchoServer.roundTripMillis(listen, "hello") < 1_000;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean reachable(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String estateYaml() {
        return """
                apiVersion: firedrill/v1
                kind: Estate
                name: faults-it
                description: Three regions on loopback, each link a proxy in front of one echo server.
                regions:
                  - {name: eu-west, role: primary}
                  - {name: us-east, role: secondary}
                  - {name: ap-south, role: secondary}
                  - {name: sa-east, role: secondary}
                links:
                  - {name: users->eu-west, from: users, to: eu-west, listen: "%s", upstream: "%s"}
                  - {name: eu-west->us-east/replication, from: eu-west, to: us-east, kind: replication,
                     listen: "%s", upstream: "%s"}
                  - {name: users->ap-south, from: users, to: ap-south, listen: "%s", upstream: "%s"}
                  - {name: sa-east->eu-west, from: sa-east, to: eu-west, listen: "%s", upstream: "%s"}
                  - {name: users->sa-east, from: users, to: sa-east, listen: "127.0.0.1:%d", upstream: "%s"}
                  # Its listen address is the echo server's own: us-east's agent cannot open it.
                  - {name: sa-east->us-east/broken, from: sa-east, to: us-east, listen: "%s", upstream: "%s"}
                """.formatted(euListen, echo.address(), replicationListen, echo.address(), apListen, echo.address(),
                fromSaEastListen, echo.address(), freePortUnchecked(), echo.address(), echo.address(), euListen);
    }
}
