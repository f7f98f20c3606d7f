package io.firedrill.estate.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.agent.fault.LinkHost;
import io.firedrill.estate.Database;
import io.firedrill.estate.PortPlan;
import io.firedrill.estate.Topology;
import io.firedrill.estate.region.Peer;
import io.firedrill.estate.region.RegionApp;
import io.firedrill.estate.region.Role;
import io.firedrill.model.Estate;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 variant's app-level replication through a real link proxy, without the router. */
class H2ReplicationIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private Vertx vertx;
    private H2Store euStore;
    private H2Store usStore;
    private RegionApp eu;
    private RegionApp us;
    private LinkHost usLinks;
    private PortPlan ports;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        ports = PortPlan.free();
        Estate estate = Topology.estate(Database.H2, ports);
        usLinks = LinkHost.start(vertx, "127.0.0.1", 0,
                estate.links().stream().filter(l -> l.agent().equals("us-east")).toList())
                .toCompletionStage().toCompletableFuture().get();
        Peer euPeer = new Peer("us-east", hp(ports.replicationEuWestToUsEast()), hp(ports.replicationUsEastToEuWest()),
                hp(ports.appUsEast()), hp(ports.dbUsEast()));
        Peer usPeer = new Peer("eu-west", hp(ports.replicationUsEastToEuWest()), hp(ports.replicationEuWestToUsEast()),
                hp(ports.appEuWest()), hp(ports.dbEuWest()));
        euStore = H2Store.open("eu-west", dir.resolve("eu"), ports.dbEuWest(), euPeer, true);
        usStore = H2Store.open("us-east", dir.resolve("us"), ports.dbUsEast(), usPeer, false);
        eu = RegionApp.start(vertx, "eu-west", euStore, euPeer, Role.PRIMARY, 1, "127.0.0.1", ports.appEuWest())
                .toCompletionStage().toCompletableFuture().get();
        us = RegionApp.start(vertx, "us-east", usStore, usPeer, Role.REPLICA, 1, "127.0.0.1", ports.appUsEast())
                .toCompletionStage().toCompletableFuture().get();
    }

    @AfterEach
    void stop() throws Exception {
        usLinks.stop().toCompletionStage().toCompletableFuture().get();
        euStore.close();
        usStore.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void writesReachTheReplicaAndWaitWhileTheLinkIsDown() throws Exception {
        assertThat(put(ports.appEuWest(), "a1", "one").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> get(ports.appUsEast(), "/records/a1").statusCode() == 200);
        assertThat(put(ports.appUsEast(), "b1", "x").statusCode()).isEqualTo(503);

        ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", usLinks.apiPort());
        client.getProxy("eu-west->us-east.replication").disable();
        for (int i = 0; i < 50; i++) {
            assertThat(put(ports.appEuWest(), "k" + i, "v" + i).statusCode()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> health(ports.appEuWest())
                .getJsonObject("replication").getLong("lag", 0L) == 50);
        assertThat(get(ports.appUsEast(), "/records/k0").statusCode()).isEqualTo(404);

        client.getProxy("eu-west->us-east.replication").enable();
        await().atMost(Duration.ofSeconds(10)).until(() -> health(ports.appEuWest())
                .getJsonObject("replication").getLong("lag", -1L) == 0);
        JsonObject replica = health(ports.appUsEast());
        assertThat(replica.getString("role")).isEqualTo("replica");
        assertThat(replica.getJsonObject("replication").getLong("position")).isEqualTo(51);
        assertThat(get(ports.appUsEast(), "/records/k49").statusCode()).isEqualTo(200);
    }

    private static Peer.HostPort hp(int port) {
        return new Peer.HostPort("127.0.0.1", port);
    }

    private static HttpResponse<String> put(int port, String id, String value) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/records/" + id))
                .PUT(HttpRequest.BodyPublishers.ofString(value)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject health(int port) throws Exception {
        return new JsonObject(get(port, "/health").body());
    }
}
