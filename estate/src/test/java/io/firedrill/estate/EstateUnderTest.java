package io.firedrill.estate;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.agent.fault.LinkHost;
import io.firedrill.model.Estate;
import io.firedrill.model.Link;
import io.firedrill.model.Region;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A reference estate on free ports with each region's links served as its agent would serve them, and
 * faults applied the way an operator would: through the Toxiproxy Java client against each region's API.
 */
final class EstateUnderTest implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final Vertx vertx = Vertx.vertx();
    final ReferenceEstate estate;
    private final Map<String, LinkHost> hostsByAgent = new LinkedHashMap<>();
    private final List<Proxy> cut = new ArrayList<>();

    EstateUnderTest(EstateOptions options) throws Exception {
        Estate model = Topology.estate(options.database(), options.ports());
        try {
            for (Region region : model.regions()) {
                List<Link> links = model.links().stream().filter(l -> l.agent().equals(region.agent())).toList();
                hostsByAgent.put(region.agent(), LinkHost.start(vertx, "127.0.0.1", 0, links)
                        .await(30, TimeUnit.SECONDS));
            }
            estate = ReferenceEstate.start(vertx, options);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Fast health checks so tests do not wait: every 100 ms, down after 3. */
    static EstateOptions options(Database database) {
        return EstateOptions.defaults(database).withPorts(PortPlan.free()).withHealth(Duration.ofMillis(100), 3);
    }

    /** The link's proxy, through the Toxiproxy client of the agent that owns it. */
    Proxy proxy(String linkName) throws IOException {
        Link link = estate.estate().link(linkName).orElseThrow();
        LinkHost host = hostsByAgent.get(link.agent());
        return new ToxiproxyClient("127.0.0.1", host.apiPort()).getProxy(LinkHost.proxyName(linkName));
    }

    /** Disables every link into or out of {@code region}, as a region blackout does. */
    void blackout(String region) throws IOException {
        for (Link link : estate.estate().links()) {
            if (link.from().equals(region) || link.to().equals(region)) {
                cutLink(link.name());
            }
        }
    }

    void cutLink(String linkName) throws IOException {
        Proxy proxy = proxy(linkName);
        proxy.disable();
        cut.add(proxy);
    }

    /** Enables every link this test disabled. */
    void restoreLinks() throws IOException {
        for (Proxy proxy : cut) {
            proxy.enable();
        }
        cut.clear();
    }

    HttpResponse<String> put(String id, String value) throws IOException, InterruptedException {
        return put(id, value, null);
    }

    HttpResponse<String> put(String id, String value, String client) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(front("/records/" + id)).timeout(Duration.ofSeconds(5))
                .PUT(HttpRequest.BodyPublishers.ofString(value));
        if (client != null) {
            request.header("Firedrill-Client", client);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(front(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(front(path)).timeout(Duration.ofSeconds(150))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A region's own view, read from its app directly (not through a link: an observer, not traffic). */
    JsonObject health(String region) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + estate.app(region).port() + "/health");
        return new JsonObject(HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> getDirect(String region, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + estate.app(region).port() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject routerStatus() throws IOException, InterruptedException {
        return new JsonObject(get("/router/status").body());
    }

    /** Every record id the front door returns, page by page: the final read. */
    List<String> finalRead() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String after = "";
        while (after != null) {
            JsonObject page = new JsonObject(get("/records?limit=1000&after=" + after).body());
            page.getJsonArray("records").forEach(r -> ids.add(((JsonObject) r).getString("id")));
            after = page.getString("next");
        }
        return ids;
    }

    private URI front(String path) {
        return URI.create(estate.frontDoor() + path);
    }

    @Override
    public void close() {
        if (estate != null) {
            estate.close();
        }
        hostsByAgent.values().forEach(h -> {
            try {
                h.stop().await(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the vertx below goes anyway
            }
        });
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // best effort at teardown
        }
    }
}
