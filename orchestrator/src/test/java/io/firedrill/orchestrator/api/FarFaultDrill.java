package io.firedrill.orchestrator.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.agent.fault.FaultSettings;
import io.firedrill.orchestrator.server.OrchestratorServer;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What game-day API tests rehearse on: an estate named {@code NAME} whose router is a small HTTP server the test
 * runs (it answers the probes), the experiment {@code NAME-latency} whose only fault comes after ten minutes (so
 * a run of it stays in flight until it is aborted), and a real agent for eu-west in the server's process.
 * {@link #close()} stops the agent and the router.
 */
final class FarFaultDrill implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final HttpServer router;
    private final Agent agent;

    private FarFaultDrill(HttpServer router, Agent agent) {
        this.router = router;
        this.agent = agent;
    }

    /** Registers the estate and the experiment through {@code api} (an admin), then brings the agent online. */
    static FarFaultDrill start(String name, HttpServer router, ApiClient api, OrchestratorServer server, Path dataDir)
            throws Exception {
        String base = "http://127.0.0.1:" + router.getAddress().getPort();
        created(api.post("/api/v1/estates", "application/yaml", """
                apiVersion: firedrill/v1
                kind: Estate
                name: %s
                frontDoor: %s
                regions: [{name: eu-west, role: primary}, {name: us-east, role: secondary}]
                services: [{name: router, kind: http, endpoint: %s, health: /health}]
                links: [{name: users->eu-west, from: users, to: eu-west, listen: 127.0.0.1:1, upstream: 127.0.0.1:2}]
                """.formatted(name, base, base)));
        created(api.post("/api/v1/experiments", "application/yaml", """
                apiVersion: firedrill/v1
                kind: Experiment
                name: %s-latency
                title: A fault far enough away to rehearse and report before it
                estate: %s
                steadyState:
                  - {name: router, type: http, region: eu-west, target: router, path: /health, interval: 1s,
                     timeout: 500ms}
                method:
                  - {name: slow, fault: latency, target: {link: users->eu-west, latency: 100ms}, after: 10m,
                     duration: 1s}
                objectives: {rto: 20s, rpo: 5s}
                """.formatted(name, name)));
        JsonNode enrolled = created(api.post("/api/v1/enrollments", "application/json", "{\"region\": \"eu-west\"}"));
        Agent agent = new Agent(server.vertx(), AgentConfig.of("eu-west",
                URI.create("ws://127.0.0.1:" + server.port()), enrolled.path("token").asText(), "test"),
                Clock.systemUTC(), new SecureRandom(),
                Optional.of(FaultSettings.defaults(dataDir.resolve("agent")).withLinks(List.of())));
        FarFaultDrill drill = new FarFaultDrill(router, agent);
        agent.start().await(30, TimeUnit.SECONDS);
        await("eu-west online").atMost(WAIT).until(() -> server.agents().isOnline("eu-west"));
        return drill;
    }

    static JsonNode created(ApiClient.Reply r) {
        if (r.status() != 201) {
            throw new AssertionError("expected 201, got " + r.status() + ": " + r.text());
        }
        return r.json();
    }

    @Override
    public void close() throws Exception {
        agent.stop().await(30, TimeUnit.SECONDS);
        router.stop(0);
    }
}
