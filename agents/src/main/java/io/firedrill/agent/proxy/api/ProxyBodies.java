package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.ProxyException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns proxy request bodies into {@link ProxyConfig} and {@link ProxyChange}, checking in Toxiproxy's order:
 * the JSON (and the type of every field) first, then {@code name}, then {@code upstream}.
 */
final class ProxyBodies {
    private ProxyBodies() {}

    /** The body of {@code POST /proxies}. */
    static ProxyConfig create(Buffer body) {
        return config(JsonBodies.object(body), "", "");
    }

    /** The body of {@code POST /populate}: every entry is checked before anything changes. */
    static List<ProxyConfig> populate(Buffer body) {
        JsonArray array = JsonBodies.array(body, "a JSON array of proxies");
        List<JsonObject> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject o)) {
                throw JsonBodies.bad("proxy " + (i + 1) + " must be a JSON object");
            }
            objects.add(o);
        }
        return populate(objects);
    }

    /** A populate list already decoded, as from a config file. */
    static List<ProxyConfig> populate(List<JsonObject> objects) {
        List<ProxyConfig> configs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < objects.size(); i++) {
            int n = i + 1;
            ProxyConfig c = config(objects.get(i), "proxy " + n + ": ", " at proxy " + n);
            if (!names.add(c.name())) {
                // Toxiproxy answers a repeated name with a 500; the request is what is wrong, so 400.
                throw ProxyException.badRequest("duplicate proxy name \"" + c.name() + "\" at proxy " + n
                        + "; each name may appear once");
            }
            configs.add(c);
        }
        return configs;
    }

    /** The body of {@code POST|PATCH /proxies/{name}}: absent fields keep their values; {@code name} is ignored. */
    static ProxyChange change(Buffer body) {
        JsonObject o = JsonBodies.object(body);
        String listen = JsonBodies.string(o, "listen", "");
        String upstream = JsonBodies.string(o, "upstream", "");
        Boolean enabled = JsonBodies.bool(o, "enabled", "");
        JsonBodies.string(o, "name", "");
        if (upstream != null && upstream.isEmpty()) {
            throw ProxyException.badRequest("missing required field: upstream");
        }
        if (listen != null && listen.isEmpty()) {
            listen = ProxyConfig.DEFAULT_LISTEN;
        }
        return new ProxyChange(listen, upstream, enabled);
    }

    private static ProxyConfig config(JsonObject o, String where, String suffix) {
        String name = JsonBodies.string(o, "name", where);
        String listen = JsonBodies.string(o, "listen", where);
        String upstream = JsonBodies.string(o, "upstream", where);
        Boolean enabled = JsonBodies.bool(o, "enabled", where);
        if (name == null || name.isEmpty()) {
            throw ProxyException.badRequest("missing required field: name" + suffix);
        }
        if (upstream == null || upstream.isEmpty()) {
            throw ProxyException.badRequest("missing required field: upstream" + suffix);
        }
        return new ProxyConfig(name, listen, upstream, enabled == null || enabled);
    }
}
