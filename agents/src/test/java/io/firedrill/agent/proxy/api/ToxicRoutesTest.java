package io.firedrill.agent.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One contract test per toxic through Toxiproxy's Java client (create with attributes, read every attribute
 * back, update, delete), then defaults, order and every refusal through raw HTTP.
 */
class ToxicRoutesTest extends ApiTestSupport {
    private Proxy proxy;

    @BeforeEach
    void createProxy() throws IOException {
        proxy = client.createProxy("p", "localhost:0", echo.address());
    }

    @Test
    void latency() throws IOException {
        proxy.toxics().latency("lat", ToxicDirection.UPSTREAM, 100).setJitter(15);

        Latency read = proxy.toxics().get("lat", Latency.class);
        assertThat(read.getLatency()).isEqualTo(100);
        assertThat(read.getJitter()).isEqualTo(15);
        assertThat(read.getStream()).isEqualTo(ToxicDirection.UPSTREAM);
        assertThat(read.setLatency(250).getLatency()).isEqualTo(250);
        assertThat(attributes("lat")).isEqualTo(new JsonObject().put("latency", 250).put("jitter", 15));
        assertRemoved(read);
    }

    @Test
    void bandwidth() throws IOException {
        Bandwidth created = proxy.toxics().bandwidth("bw", ToxicDirection.DOWNSTREAM, 1000);

        assertThat(proxy.toxics().get("bw", Bandwidth.class).getRate()).isEqualTo(1000);
        assertThat(created.setRate(64).getRate()).isEqualTo(64);
        assertThat(attributes("bw")).isEqualTo(new JsonObject().put("rate", 64));
        assertRemoved(created);
    }

    @Test
    void slowClose() throws IOException {
        SlowClose created = proxy.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 300);

        assertThat(proxy.toxics().get("sc", SlowClose.class).getDelay()).isEqualTo(300);
        assertThat(created.setDelay(50).getDelay()).isEqualTo(50);
        assertThat(attributes("sc")).isEqualTo(new JsonObject().put("delay", 50));
        assertRemoved(created);
    }

    @Test
    void timeout() throws IOException {
        Timeout created = proxy.toxics().timeout("to", ToxicDirection.UPSTREAM, 0);

        assertThat(proxy.toxics().get("to", Timeout.class).getTimeout()).isZero();
        assertThat(created.setTimeout(2000).getTimeout()).isEqualTo(2000);
        assertThat(attributes("to")).isEqualTo(new JsonObject().put("timeout", 2000));
        assertRemoved(created);
    }

    @Test
    void resetPeer() throws IOException {
        ResetPeer created = proxy.toxics().resetPeer("rp", ToxicDirection.DOWNSTREAM, 100);

        assertThat(proxy.toxics().get("rp", ResetPeer.class).getTimeout()).isEqualTo(100);
        assertThat(created.setTimeout(0).getTimeout()).isZero();
        assertThat(attributes("rp")).isEqualTo(new JsonObject().put("timeout", 0));
        assertRemoved(created);
    }

    @Test
    void slicer() throws IOException {
        Slicer created = proxy.toxics().slicer("sl", ToxicDirection.UPSTREAM, 1024, 10).setSizeVariation(512);

        Slicer read = proxy.toxics().get("sl", Slicer.class);
        assertThat(read.getAverageSize()).isEqualTo(1024);
        assertThat(read.getSizeVariation()).isEqualTo(512);
        assertThat(read.getDelay()).isEqualTo(10);
        assertThat(read.setAverageSize(2048).getAverageSize()).isEqualTo(2048);
        assertThat(attributes("sl")).isEqualTo(
                new JsonObject().put("average_size", 2048).put("size_variation", 512).put("delay", 10));
        assertRemoved(created);
    }

    @Test
    void limitData() throws IOException {
        LimitData created = proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 100);

        assertThat(proxy.toxics().get("ld", LimitData.class).getBytes()).isEqualTo(100);
        assertThat(created.setBytes(150).getBytes()).isEqualTo(150);
        assertThat(attributes("ld")).isEqualTo(new JsonObject().put("bytes", 150));
        assertRemoved(created);
    }

    @Test
    void noopIsCreatableOverHttpWithNoAttributes() {
        RawHttp.Reply r = http.post("/proxies/p/toxics", "{\"type\":\"noop\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonObject("attributes")).isEqualTo(new JsonObject());
    }

    @Test
    void createAnswers200WithDefaultsForWhatTheBodyLeavesOut() {
        RawHttp.Reply r = http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":5,\"other\":\"x\"}}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).isEqualTo(new JsonObject().put("name", "latency_downstream").put("type", "latency")
                .put("stream", "downstream").put("toxicity", 1.0)
                .put("attributes", new JsonObject().put("latency", 5).put("jitter", 0)));
        assertThat(http.post("/proxies/p/toxics", "{\"type\":\"timeout\",\"stream\":\"UPSTREAM\"}").json()
                .getString("name")).isEqualTo("timeout_upstream");
    }

    @Test
    void listHasUpstreamToxicsFirstThenDownstreamEachInTheOrderAdded() throws IOException {
        assertThat(http.get("/proxies/p/toxics").body()).isEqualTo("[]");
        proxy.toxics().latency("d1", ToxicDirection.DOWNSTREAM, 1);
        proxy.toxics().latency("u1", ToxicDirection.UPSTREAM, 1);
        proxy.toxics().latency("d2", ToxicDirection.DOWNSTREAM, 1);
        proxy.toxics().latency("u2", ToxicDirection.UPSTREAM, 1);

        JsonArray all = http.get("/proxies/p/toxics").array();

        assertThat(all.stream().map(t -> ((JsonObject) t).getString("name"))).containsExactly("u1", "u2", "d1", "d2");
        assertThat(proxy.toxics().getAll()).extracting(Toxic::getName).containsExactly("u1", "u2", "d1", "d2");
    }

    @Test
    void updateMergesAttributesKeepsToxicityWhenAbsentAndIgnoresEverythingElse() {
        http.post("/proxies/p/toxics", "{\"name\":\"t\",\"type\":\"latency\",\"toxicity\":0.5,"
                + "\"attributes\":{\"latency\":100,\"jitter\":10}}");

        JsonObject merged = http.patch("/proxies/p/toxics/t",
                "{\"name\":\"renamed\",\"type\":\"timeout\",\"stream\":\"upstream\",\"attributes\":{\"jitter\":20}}").json();
        assertThat(merged).isEqualTo(new JsonObject().put("name", "t").put("type", "latency").put("stream", "downstream")
                .put("toxicity", 0.5).put("attributes", new JsonObject().put("latency", 100).put("jitter", 20)));

        assertThat(http.post("/proxies/p/toxics/t", "{\"toxicity\":0.25}").json().getDouble("toxicity")).isEqualTo(0.25);
    }

    @Test
    void refusalsNameWhatIsWrongAndLeaveTheServerServing() {
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"lag\"}"), 400, "invalid toxic type");
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"), 400,
                "stream was invalid, can be either upstream or downstream");
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":\"slow\"}}"),
                400, "bad request body: attribute latency must be a whole number, was \"slow\"");
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":1.5}}"),
                400, "bad request body: attribute latency must be a whole number, was 1.5");
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"jitter\":-5}}"),
                400, "bad request body: attribute jitter must be zero or more, was -5");
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":1e30}}"),
                400, "bad request body: attribute latency must be at most 9223372036854775807, was 1.0E30");
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"toxicity\":2}"),
                400, "bad request body: toxicity must be a number from 0 to 1, was 2");
        assertRefused(http.post("/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":[1]}"),
                400, "bad request body: field \"attributes\" must be an object, was an array");
        assertThat(http.get("/proxies/p/toxics").body()).isEqualTo("[]");
    }

    @Test
    void valuesThatWouldStallOrBreakAToxicAreRefusedNamingTheAttribute() {
        RawHttp.Reply rate = http.post("/proxies/p/toxics", "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":0}}");
        assertThat(rate.status()).isEqualTo(400);
        assertThat(rate.error()).contains("rate");

        RawHttp.Reply slicer = http.post("/proxies/p/toxics",
                "{\"type\":\"slicer\",\"attributes\":{\"average_size\":0,\"delay\":10}}");
        assertThat(slicer.status()).isEqualTo(400);
        assertThat(slicer.error()).contains("average_size");
        assertThat(http.get("/proxies/p/toxics").body()).isEqualTo("[]");
    }

    @Test
    void toxicNamesAreUniqueAcrossBothStreams() {
        http.post("/proxies/p/toxics", "{\"name\":\"same\",\"type\":\"latency\",\"stream\":\"upstream\"}");

        assertRefused(http.post("/proxies/p/toxics", "{\"name\":\"same\",\"type\":\"timeout\",\"stream\":\"downstream\"}"),
                409, "toxic already exists");
        assertThat(http.get("/proxies/p/toxics").array()).hasSize(1);
    }

    @Test
    void unknownProxyOrToxicIs404OnEveryToxicRoute() {
        for (RawHttp.Reply r : new RawHttp.Reply[] {http.get("/proxies/q/toxics"),
                http.post("/proxies/q/toxics", "{\"type\":\"latency\"}"), http.get("/proxies/q/toxics/t"),
                http.patch("/proxies/q/toxics/t", "{}"), http.delete("/proxies/q/toxics/t")}) {
            assertRefused(r, 404, "proxy not found");
        }
        for (RawHttp.Reply r : new RawHttp.Reply[] {http.get("/proxies/p/toxics/t"),
                http.post("/proxies/p/toxics/t", "{}"), http.patch("/proxies/p/toxics/t", "{}"),
                http.delete("/proxies/p/toxics/t")}) {
            assertRefused(r, 404, "toxic not found");
        }
    }

    private void assertRemoved(Toxic toxic) throws IOException {
        toxic.remove();
        assertThat(proxy.toxics().getAll()).isEmpty();
        assertRefused(http.delete("/proxies/p/toxics/" + toxic.getName()), 404, "toxic not found");
    }

    private static JsonObject attributes(String toxic) {
        return http.get("/proxies/p/toxics/" + toxic).json().getJsonObject("attributes");
    }

    private static void assertRefused(RawHttp.Reply r, int status, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.error()).isEqualTo(message);
        assertThat(http.get("/proxies").status()).isEqualTo(200);
    }
}
