package io.firedrill.estate.router;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two fake regions (eu-west primary, us-east its replica), each behind a users link and a control link,
 * and a global router in front, with short intervals so failover happens in a fraction of a second.
 */
final class EstateFixture implements AutoCloseable {
    static final String EU = "eu-west";
    static final String US = "us-east";
    static final Duration INTERVAL = Duration.ofMillis(50);

    final FakeRegion euWest;
    final FakeRegion usEast;
    final Map<String, FakeLink> usersLinks;
    final Map<String, FakeLink> controlLinks;
    final GlobalRouter router;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EstateFixture(FakeRegion euWest, FakeRegion usEast, Map<String, FakeLink> usersLinks,
            Map<String, FakeLink> controlLinks, GlobalRouter router) {
        this.euWest = euWest;
        this.usEast = usEast;
        this.usersLinks = usersLinks;
        this.controlLinks = controlLinks;
        this.router = router;
    }

    /** Starts the estate; {@code tune} adjusts the router config (intervals are already 50 ms, K = 3). */
    static EstateFixture start(Vertx vertx, UnaryOperator<GlobalRouterConfig> tune) {
        Map<String, FakeRegion> registry = FakeRegion.registry();
        FakeRegion eu = join(FakeRegion.start(vertx, EU, "primary", null, registry));
        FakeRegion us = join(FakeRegion.start(vertx, US, "replica", eu, registry));
        FakeLink euUsers = join(FakeLink.start(vertx, eu.port()));
        FakeLink usUsers = join(FakeLink.start(vertx, us.port()));
        FakeLink euControl = join(FakeLink.start(vertx, eu.port()));
        FakeLink usControl = join(FakeLink.start(vertx, us.port()));
        GlobalRouterConfig config = GlobalRouterConfig.of(
                        new RegionEndpoints(EU, euUsers.url(), euControl.url()),
                        new RegionEndpoints(US, usUsers.url(), usControl.url()))
                .withHealthInterval(INTERVAL)
                .withRequestTimeout(Duration.ofSeconds(2))
                .withAdminTimeout(Duration.ofSeconds(2))
                .withResyncTimeout(Duration.ofSeconds(5))
                .withCatchUpTimeout(Duration.ofSeconds(5));
        GlobalRouter router = join(GlobalRouter.start(vertx, tune.apply(config), "127.0.0.1", 0));
        EstateFixture estate = new EstateFixture(eu, us, Map.of(EU, euUsers, US, usUsers),
                Map.of(EU, euControl, US, usControl), router);
        await().atMost(Duration.ofSeconds(5)).until(() -> estate.regionStatus(EU).getValue("health") != null
                && estate.regionStatus(US).getValue("health") != null);
        return estate;
    }

    /** Cuts both links of {@code region}: a regional blackout as the router sees it. */
    void blackout(String region) {
        join(usersLinks.get(region).cut());
        join(controlLinks.get(region).cut());
    }

    void restore(String region) {
        join(usersLinks.get(region).restore());
        join(controlLinks.get(region).restore());
    }

    // ---- HTTP through the router ----

    HttpResponse<String> put(String path, String body, String... headers) {
        return send(request(path, headers).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> post(String path, JsonObject body) {
        return send(request(path).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
    }

    JsonObject status() {
        return new JsonObject(get("/router/status").body());
    }

    JsonObject regionStatus(String name) {
        return status().getJsonArray("regions").stream().map(JsonObject.class::cast)
                .filter(region -> region.getString("name").equals(name)).findFirst().orElseThrow();
    }

    /** The router's events of the given types, in order, as recorded. */
    List<RouterEvent> events(EventType... types) {
        List<EventType> wanted = List.of(types);
        return router.events().stream().filter(event -> wanted.isEmpty() || wanted.contains(event.type())).toList();
    }

    List<EventType> eventTypes() {
        return router.events().stream().map(RouterEvent::type).toList();
    }

    @Override
    public void close() {
        join(router.stop());
        for (FakeLink link : List.of(usersLinks.get(EU), usersLinks.get(US), controlLinks.get(EU), controlLinks.get(US))) {
            join(link.stop().otherwiseEmpty());
        }
        join(euWest.stop());
        join(usEast.stop());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.port() + path))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        }
    }

    static <T> T join(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
