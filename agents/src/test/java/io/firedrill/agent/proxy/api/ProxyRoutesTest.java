package io.firedrill.agent.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Proxy create, show, list, update, enable, disable and delete, as Toxiproxy's clients see them. */
class ProxyRoutesTest extends ApiTestSupport {

    @Test
    void createdProxyReportsItsBoundAddressAndEveryField() throws IOException {
        Proxy created = client.createProxy("db", "localhost:0", echo.address());

        assertThat(created.getListen()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:0");
        assertThat(created.isEnabled()).isTrue();
        RawHttp.Reply shown = http.get("/proxies/db");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().fieldNames()).containsExactlyInAnyOrder("name", "listen", "upstream", "enabled", "toxics");
        assertThat(shown.json().getString("listen")).isEqualTo(created.getListen());
        assertThat(shown.json().getString("upstream")).isEqualTo(echo.address());
        assertThat(shown.json().getJsonArray("toxics")).isEmpty();
    }

    @Test
    void createAnswers201WithTheProxy() {
        RawHttp.Reply r = http.post("/proxies", proxyJson("web", "127.0.0.1:0", echo.address()));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getString("name")).isEqualTo("web");
        assertThat(r.json().getBoolean("enabled")).isTrue();
    }

    @Test
    void listIsAnObjectKeyedByNameAndEmptyWhenThereAreNone() throws IOException {
        assertThat(http.get("/proxies").body()).isEqualTo("{}");

        client.createProxy("a", "localhost:0", echo.address());
        client.createProxy("b", "localhost:0", echo.address());

        assertThat(http.get("/proxies").json().fieldNames()).containsExactlyInAnyOrder("a", "b");
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void createChecksTheBodyThenNameThenUpstreamThenDuplicates() throws IOException {
        assertThat(http.post("/proxies", "{\"name\": ").error()).startsWith("bad request body: ");
        assertThat(http.post("/proxies", "{\"name\":\"a\",\"upstream\":\"x:1\",\"listen\":5}").error())
                .isEqualTo("bad request body: field \"listen\" must be a string, was 5");
        assertThat(http.post("/proxies", "{}").error()).isEqualTo("missing required field: name");
        assertThat(http.post("/proxies", "{\"name\":\"a\"}").error()).isEqualTo("missing required field: upstream");

        client.createProxy("a", "localhost:0", echo.address());
        RawHttp.Reply duplicate = http.post("/proxies", proxyJson("a", "localhost:0", echo.address()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.error()).isEqualTo("proxy already exists");
        assertThat(http.get("/proxies").status()).isEqualTo(200);
    }

    @Test
    void createOnATakenPortIs500AndRegistersNothing() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RawHttp.Reply r = http.post("/proxies", proxyJson("late", "127.0.0.1:" + taken.getLocalPort(), echo.address()));

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.error()).containsIgnoringCase("address already in use");
            assertThat(http.get("/proxies/late").status()).isEqualTo(404);
        }
        assertThat(http.post("/proxies", proxyJson("late", "127.0.0.1:0", echo.address())).status()).isEqualTo(201);
    }

    @Test
    void aProxyCreatedDisabledKeepsItsListenAsGivenAndHoldsNoPort() throws IOException {
        int port = freePort();
        String listen = "127.0.0.1:" + port;

        RawHttp.Reply r = http.post("/proxies", "{\"name\":\"off\",\"listen\":\"" + listen + "\",\"upstream\":\""
                + echo.address() + "\",\"enabled\":false}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().getBoolean("enabled")).isFalse();
        assertThat(r.json().getString("listen")).isEqualTo(listen);
        awaitRefused(port);

        client.getProxy("off").enable();
        connect(port).close();
    }

    @Test
    void unknownProxyIs404OnEveryRoute() {
        for (RawHttp.Reply r : new RawHttp.Reply[] {
                http.get("/proxies/nope"), http.post("/proxies/nope", "{}"), http.patch("/proxies/nope", "{}"),
                http.delete("/proxies/nope")}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.error()).isEqualTo("proxy not found");
        }
    }

    @Test
    void updateByPostOrPatchKeepsTheFieldsItDoesNotName() throws IOException {
        Proxy p = client.createProxy("u", "localhost:0", echo.address());

        RawHttp.Reply patched = http.patch("/proxies/u", "{\"upstream\":\"127.0.0.1:1\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().getString("upstream")).isEqualTo("127.0.0.1:1");
        assertThat(patched.json().getString("listen")).isEqualTo(p.getListen());
        assertThat(patched.json().getBoolean("enabled")).isTrue();

        p.setUpstream(echo.address());
        assertThat(client.getProxy("u").getUpstream()).isEqualTo(echo.address());
        assertThat(client.getProxy("u").getListen()).isEqualTo(p.getListen());
    }

    @Test
    void updateMovesTheListenerToANewAddress() throws IOException {
        Proxy p = client.createProxy("mover", "localhost:0", echo.address());
        int oldPort = port(p.getListen());
        int newPort = freePort();

        p.setListen("127.0.0.1:" + newPort);

        assertThat(client.getProxy("mover").getListen()).isEqualTo("127.0.0.1:" + newPort);
        connect(newPort).close();
        awaitRefused(oldPort);
    }

    @Test
    void updateRefusesABadBodyAndKeepsTheProxy() throws IOException {
        client.createProxy("keep", "localhost:0", echo.address());

        assertThat(http.post("/proxies/keep", "not json").error()).startsWith("bad request body: ");
        assertThat(http.post("/proxies/keep", "{\"enabled\":\"yes\"}").error())
                .isEqualTo("bad request body: field \"enabled\" must be true or false, was \"yes\"");
        assertThat(http.patch("/proxies/keep", "{\"upstream\":\"\"}").error()).isEqualTo("missing required field: upstream");
        assertThat(client.getProxy("keep").isEnabled()).isTrue();
    }

    @Test
    void disableKeepsToxicsAndEnableServesTheSamePortAgain() throws IOException {
        Proxy p = client.createProxy("toggle", "localhost:0", echo.address());
        p.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
        String listen = p.getListen();

        p.disable();
        JsonObject off = http.get("/proxies/toggle").json();
        assertThat(off.getBoolean("enabled")).isFalse();
        assertThat(off.getJsonArray("toxics")).hasSize(1);
        awaitRefused(port(listen));

        p.enable();
        assertThat(client.getProxy("toggle").getListen()).isEqualTo(listen);
        assertThat(client.getProxy("toggle").toxics().getAll()).hasSize(1);
        connect(port(listen)).close();
    }

    @Test
    void enablingOnAPortTakenMeanwhileIs500AndLeavesTheProxyDisabled() throws IOException {
        int port = freePort();
        http.post("/proxies", "{\"name\":\"late\",\"listen\":\"127.0.0.1:" + port + "\",\"upstream\":\""
                + echo.address() + "\",\"enabled\":false}");

        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", port));
            RawHttp.Reply r = http.post("/proxies/late", "{\"enabled\":true}");

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.error()).containsIgnoringCase("address already in use");
            assertThat(http.get("/proxies/late").json().getBoolean("enabled")).isFalse();
        }
        assertThat(http.post("/proxies/late", "{\"enabled\":true}").json().getBoolean("enabled")).isTrue();
    }

    @Test
    void concurrentCreatesOfOneNameMakeExactlyOneProxy() {
        List<Integer> statuses = IntStream.range(0, 16).parallel()
                .mapToObj(i -> http.post("/proxies", proxyJson("race", "localhost:0", echo.address())).status())
                .toList();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(http.get("/proxies").json().fieldNames()).containsExactly("race");
    }

    @Test
    void deleteAnswers204AndForgetsTheProxyAndFreesItsPort() throws IOException {
        Proxy p = client.createProxy("gone", "localhost:0", echo.address());

        RawHttp.Reply r = http.delete("/proxies/gone");

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(client.getProxyOrNull("gone")).isNull();
        awaitFree(port(p.getListen()));
    }

    static int port(String listen) {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return s;
    }
}
