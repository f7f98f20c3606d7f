package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Proxy;
import io.firedrill.agent.proxy.ToxicSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The JSON shapes of the Toxiproxy API, field for field. */
final class ApiJson {
    private ApiJson() {}

    /** {@code {"name","listen","upstream","enabled","toxics":[...]}}; toxics is never null. */
    static JsonObject proxy(Proxy p) {
        return new JsonObject()
                .put("name", p.name())
                .put("listen", p.listen())
                .put("upstream", p.upstream())
                .put("enabled", p.enabled())
                .put("toxics", toxics(p.toxics()));
    }

    static JsonArray proxies(List<Proxy> proxies) {
        JsonArray array = new JsonArray();
        proxies.forEach(p -> array.add(proxy(p)));
        return array;
    }

    static JsonArray toxics(List<ToxicSpec> toxics) {
        JsonArray array = new JsonArray();
        toxics.forEach(t -> array.add(toxic(t)));
        return array;
    }

    /** {@code {"name","type","stream","toxicity","attributes"}} with every attribute of the type present. */
    static JsonObject toxic(ToxicSpec t) {
        JsonObject attributes = new JsonObject();
        t.attributes().forEach(attributes::put);
        return new JsonObject()
                .put("name", t.name())
                .put("type", t.type().wireName())
                .put("stream", t.stream().wireName())
                .put("toxicity", t.toxicity())
                .put("attributes", attributes);
    }

    static JsonObject error(String message, int status) {
        return new JsonObject().put("error", message).put("status", status);
    }
}
