package io.firedrill.agent.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.firedrill.agent.proxy.ProxyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /populate (kept, replaced, refused, stopped part-way), the config file at start, and POST /reset. */
class PopulateResetTest extends ApiTestSupport {

    @Test
    void populateCreatesEveryProxyAndAnswers201WithThem() {
        RawHttp.Reply r = http.post("/populate", "[" + proxyJson("a", "localhost:0", echo.address()) + ","
                + "{\"name\":\"b\",\"listen\":\"localhost:0\",\"upstream\":\"" + echo.address() + "\",\"enabled\":false}]");

        assertThat(r.status()).isEqualTo(201);
        JsonArray proxies = r.json().getJsonArray("proxies");
        assertThat(names(proxies)).containsExactly("a", "b");
        assertThat(proxies.getJsonObject(0).getBoolean("enabled")).isTrue();
        assertThat(proxies.getJsonObject(1).getBoolean("enabled")).isFalse();
        assertThat(http.get("/proxies").json().fieldNames()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void populateKeepsAnUnchangedProxyWithItsToxicsAndReplacesAChangedOne() throws IOException {
        Proxy kept = client.createProxy("kept", "localhost:0", echo.address());
        kept.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
        Proxy moved = client.createProxy("moved", "localhost:0", echo.address());
        moved.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);

        RawHttp.Reply r = http.post("/populate", "[" + proxyJson("kept", "localhost:0", echo.address()) + ","
                + proxyJson("moved", "localhost:0", "127.0.0.1:1") + "]");

        assertThat(r.status()).isEqualTo(201);
        JsonObject keptNow = r.json().getJsonArray("proxies").getJsonObject(0);
        assertThat(keptNow.getString("listen")).isEqualTo(kept.getListen());
        assertThat(keptNow.getJsonArray("toxics")).hasSize(1);
        JsonObject movedNow = r.json().getJsonArray("proxies").getJsonObject(1);
        assertThat(movedNow.getString("upstream")).isEqualTo("127.0.0.1:1");
        assertThat(movedNow.getJsonArray("toxics")).isEmpty();
    }

    @Test
    void populateChecksEveryEntryBeforeChangingAnything() {
        RawHttp.Reply r = http.post("/populate", "[" + proxyJson("a", "localhost:0", echo.address())
                + ",{\"upstream\":\"x:1\"}]");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("missing required field: name at proxy 2");
        assertThat(r.json().getJsonArray("proxies")).isEmpty();
        assertThat(http.get("/proxies").body()).isEqualTo("{}");

        assertThat(http.post("/populate", "[{\"name\":\"a\"}]").error()).isEqualTo("missing required field: upstream at proxy 1");
        assertThat(http.post("/populate", "[" + proxyJson("a", "localhost:0", "x:1") + ","
                + proxyJson("a", "localhost:0", "x:2") + "]").error())
                .isEqualTo("duplicate proxy name \"a\" at proxy 2; each name may appear once");
        assertThat(http.post("/populate", "{\"proxies\":[]}").error())
                .isEqualTo("bad request body: expected a JSON array of proxies, got an object");
        assertThat(http.post("/populate", "[1]").error()).isEqualTo("bad request body: proxy 1 must be a JSON object");
        assertThat(http.get("/proxies").body()).isEqualTo("{}");
    }

    @Test
    void populateStopsAtTheFirstFailureAndListsWhatItCreatedBefore() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RawHttp.Reply r = http.post("/populate", "[" + proxyJson("first", "localhost:0", echo.address()) + ","
                    + proxyJson("clash", "127.0.0.1:" + taken.getLocalPort(), echo.address()) + ","
                    + proxyJson("third", "localhost:0", echo.address()) + "]");

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.error()).containsIgnoringCase("address already in use");
            assertThat(names(r.json().getJsonArray("proxies"))).containsExactly("first");
            assertThat(http.get("/proxies").json().fieldNames()).containsExactly("first");
        }
    }

    @Test
    void resetEnablesEveryProxyAndRemovesEveryToxic() throws IOException {
        Proxy off = client.createProxy("off", "localhost:0", echo.address());
        off.toxics().timeout("stall", ToxicDirection.UPSTREAM, 0);
        off.disable();
        Proxy on = client.createProxy("on", "localhost:0", echo.address());
        on.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);

        assertThat(http.post("/reset", null).status()).isEqualTo(204);

        for (String name : new String[] {"off", "on"}) {
            Proxy p = client.getProxy(name);
            assertThat(p.isEnabled()).as(name).isTrue();
            assertThat(p.toxics().getAll()).as(name).isEmpty();
        }
        client.reset();
        assertThat(client.getProxies()).hasSize(2);
    }

    @Test
    void aConfigFilePopulatesLikeThePopulateRoute(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("proxies.json"), "[" + proxyJson("fromfile", "localhost:0", echo.address()) + "]");

        var proxies = server.populate(file).await(5, TimeUnit.SECONDS);

        assertThat(proxies).extracting(io.firedrill.agent.proxy.Proxy::name).containsExactly("fromfile");
        assertThat(client.getProxy("fromfile").isEnabled()).isTrue();
    }

    @Test
    void aBadConfigFileIsReportedWithItsName(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"listen\":\"localhost:0\"}]");
        Path missing = dir.resolve("missing.json");

        assertThat(failure(bad)).isEqualTo(bad + ": missing required field: name at proxy 1");
        assertThat(failure(missing)).isEqualTo(missing + ": cannot read it (no such file)");
    }

    private static String failure(Path file) {
        try {
            server.populate(file).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            throw new AssertionError("populate from " + file + " succeeded");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ProxyException.class);
            return e.getCause().getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static java.util.List<String> names(JsonArray proxies) {
        return proxies.stream().map(p -> ((JsonObject) p).getString("name")).toList();
    }
}
