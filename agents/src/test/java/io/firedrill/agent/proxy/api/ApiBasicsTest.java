package io.firedrill.agent.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every route shares: error bodies, request ids, browser refusal, body decoding, version and metrics. */
class ApiBasicsTest extends ApiTestSupport {

    @Test
    void versionIsJsonTheJavaClientPassesOnAsItIs() throws IOException {
        String body = client.version();

        assertThat(new JsonObject(body).getString("version")).isNotBlank();
        assertThat(http.get("/version").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void everyResponseCarriesItsOwnRequestId() {
        List<RawHttp.Reply> replies = List.of(http.get("/proxies"), http.get("/nowhere"), http.post("/proxies", "{"),
                http.send("GET", "/proxies", null, "User-Agent", "Mozilla/5.0"), http.post("/reset", null));
        Set<String> ids = new HashSet<>();

        for (RawHttp.Reply r : replies) {
            ids.add(r.headers().firstValue("X-Toxiproxy-Request-Id").orElseThrow(() -> new AssertionError(r)));
        }

        assertThat(ids).hasSize(replies.size());
    }

    @Test
    void browsersAreRefusedWith403AndOtherClientsStillServed() {
        RawHttp.Reply r = http.send("POST", "/proxies", proxyJson("x", "localhost:0", echo.address()),
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).startsWith("User agent not allowed");
        assertThat(http.get("/proxies/x").status()).isEqualTo(404);
        assertThat(http.send("GET", "/proxies", null, "User-Agent", "toxiproxy-cli").status()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAndMethodsGetJsonErrors() {
        RawHttp.Reply missing = http.get("/proxy");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo("no such route: GET /proxy");

        RawHttp.Reply wrongMethod = http.send("PUT", "/proxies", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.error()).isEqualTo("method PUT not allowed on /proxies");
        assertThat(http.delete("/reset").status()).isEqualTo(405);
        assertThat(http.get("/proxies").status()).isEqualTo(200);
    }

    @Test
    void bodiesAreJsonWhateverTheirContentTypeSays() {
        String body = proxyJson("form", "localhost:0", echo.address());

        assertThat(http.send("POST", "/proxies", body, "Content-Type", "application/x-www-form-urlencoded").status())
                .isEqualTo(201);
        assertThat(http.send("PATCH", "/proxies/form", "{\"enabled\":false}", "Content-Type", "text/plain")
                .json().getBoolean("enabled")).isFalse();
    }

    @Test
    void malformedJsonIs400WithTheReasonAndWhereItIs() {
        RawHttp.Reply r = http.post("/proxies", "{\"name\" \"x\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).startsWith("bad request body: ").contains("line 1, column");
        assertThat(http.post("/proxies", "").error()).isEqualTo("bad request body: the body is empty; expected JSON");
        assertThat(http.post("/proxies", "[]").error()).isEqualTo("bad request body: expected a JSON object, got an array");
    }

    @Test
    void anOversizedBodyIs413() {
        RawHttp.Reply r = http.post("/proxies", "{\"name\":\"" + "x".repeat(ToxiproxyServer.BODY_LIMIT) + "\"}");

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).isEqualTo("request body too large: the limit is " + ToxiproxyServer.BODY_LIMIT + " bytes");
        assertThat(http.get("/proxies").status()).isEqualTo(200);
    }

    @Test
    void theJavaClientSurfacesTheServersMessages() throws IOException {
        client.createProxy("twice", "localhost:0", echo.address());

        assertThatThrownBy(() -> client.createProxy("twice", "localhost:0", echo.address()))
                .hasMessageContaining("409").hasMessageContaining("proxy already exists");
        assertThatThrownBy(() -> client.getProxy("absent")).hasMessageContaining("proxy not found");
    }

    @Test
    void metricsListEveryProxyInPrometheusTextWithToxiproxysNamesAndLabels() throws IOException {
        String listen = client.createProxy("m", "localhost:0", echo.address()).getListen();

        RawHttp.Reply r = http.get("/metrics");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(PrometheusText.CONTENT_TYPE);
        String labels = "listener=\"" + listen + "\",proxy=\"m\",upstream=\"" + echo.address() + "\"";
        assertThat(r.body()).contains(
                "# TYPE toxiproxy_proxy_received_bytes_total counter\n",
                "# TYPE toxiproxy_proxy_sent_bytes_total counter\n",
                "toxiproxy_proxy_received_bytes_total{direction=\"upstream\"," + labels + "} 0\n",
                "toxiproxy_proxy_received_bytes_total{direction=\"downstream\"," + labels + "} 0\n",
                "toxiproxy_proxy_sent_bytes_total{direction=\"upstream\"," + labels + "} 0\n",
                "toxiproxy_proxy_sent_bytes_total{direction=\"downstream\"," + labels + "} 0\n",
                "toxiproxy_proxy_open_connections{" + labels + "} 0\n");
    }
}
