package io.firedrill.orchestrator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.agent.Agent;
import io.firedrill.agent.AgentConfig;
import io.firedrill.orchestrator.api.ApiErrors;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DbConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real orchestrator in the test JVM: H2 database in a temporary directory, an {@link AgentHub} mounted on a
 * Vert.x HTTP server on a free port, the API's real failure handler. Agents run on their own Vert.x instance,
 * as they would in their own process.
 */
final class HubFixture implements AutoCloseable {
    /** Short intervals so that tests see burst, periodic sync and sweeps quickly. */
    static final AgentHubConfig CONFIG = AgentHubConfig.defaults()
            .withTimeSyncInterval(Duration.ofMillis(500))
            .withHelloTimeout(Duration.ofSeconds(2));

    final Database db;
    final Vertx vertx = Vertx.vertx();
    final Vertx agentVertx = Vertx.vertx();
    final AgentHub hub;
    final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Agent> agents = new ArrayList<>();
    private final List<RawAgent> rawAgents = new ArrayList<>();

    HubFixture(Path dataDir) throws Exception {
        db = Database.open(DbConfig.h2(dataDir));
        hub = new AgentHub(vertx, db.enrollments(), db.agents(), Clock.systemUTC(), CONFIG);
        Router router = Router.router(vertx);
        new ApiErrors(1024 * 1024).install(router);
        hub.mount(router);
        hub.start().await(10, TimeUnit.SECONDS);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    URI wsUri() {
        return URI.create("ws://127.0.0.1:" + server.actualPort());
    }

    String enroll(String region) {
        return db.enrollments().issue(region).token();
    }

    /** A real agent with the given clock, started; stopped by {@link #close()}. */
    Agent startAgent(String region, String token, Clock clock) {
        AgentConfig config = AgentConfig.of(region, wsUri(), token, "test-agent")
                .withHeartbeatInterval(Duration.ofMillis(100))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200))
                .withName("agent-of-" + region);
        Agent agent = new Agent(agentVertx, config, clock);
        agents.add(agent);
        agent.start();
        return agent;
    }

    /** A hand-driven WebSocket peer, for frames a real agent would never send. */
    RawAgent connectRaw(String region, String token) throws Exception {
        RawAgent raw = RawAgent.connect(agentVertx, server.actualPort(), region, token);
        rawAgents.add(raw);
        return raw;
    }

    record Reply(int status, String text, JsonNode json) {}

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.body().isEmpty() ? null : Json.mapper().readTree(r.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (Agent agent : agents) {
            agent.stop().await(5, TimeUnit.SECONDS);
        }
        for (RawAgent raw : rawAgents) {
            raw.close();
        }
        agentVertx.close().await(10, TimeUnit.SECONDS);
        hub.stop().await(10, TimeUnit.SECONDS);
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
        db.close();
    }
}
