package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Direction;
import io.firedrill.agent.proxy.ProxyException;
import io.firedrill.agent.proxy.ToxicSpec;
import io.firedrill.agent.proxy.ToxicType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns toxic request bodies into {@link ToxicSpec}s, checking in Toxiproxy's order: the JSON, the stream,
 * the type, then the attributes. Whether a value makes sense for its toxic (a rate of 0, say) is the
 * proxy's call, not this class's.
 */
final class ToxicBodies {
    /** An update: attributes merged into the toxic's, and a new toxicity unless null. */
    record Change(Map<String, Long> attributes, Double toxicity) {}

    private ToxicBodies() {}

    /** The body of {@code POST /proxies/{p}/toxics}: stream downstream, toxicity 1 and name {@code <type>_<stream>} by default. */
    static ToxicSpec create(Buffer body) {
        JsonObject o = JsonBodies.object(body);
        String name = JsonBodies.string(o, "name", "");
        String typeText = JsonBodies.string(o, "type", "");
        String streamText = JsonBodies.string(o, "stream", "");
        Double toxicity = JsonBodies.toxicity(o);
        JsonObject attributes = JsonBodies.object(o, "attributes");

        // Toxiproxy reads the stream case-insensitively.
        Direction stream = streamText == null ? Direction.DOWNSTREAM
                : Direction.fromWire(streamText.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                        ProxyException.badRequest("stream was invalid, can be either upstream or downstream"));
        ToxicType type = ToxicType.fromWire(typeText == null ? "" : typeText)
                .orElseThrow(() -> ProxyException.badRequest("invalid toxic type"));
        Map<String, Long> values = attributes(type, attributes);
        if (name == null || name.isEmpty()) {
            name = type.wireName() + "_" + stream.wireName();
        }
        return new ToxicSpec(name, type, stream, toxicity == null ? 1.0 : toxicity, values);
    }

    /**
     * The body of {@code POST|PATCH /proxies/{p}/toxics/{t}}: only {@code attributes} and {@code toxicity}
     * count; a name, type or stream in it is ignored, as Toxiproxy does.
     */
    static Change change(Buffer body, ToxicType type) {
        JsonObject o = JsonBodies.object(body);
        Double toxicity = JsonBodies.toxicity(o);
        return new Change(attributes(type, JsonBodies.object(o, "attributes")), toxicity);
    }

    /** The type's attributes that the request names; unknown keys are ignored and JSON nulls count as absent. */
    private static Map<String, Long> attributes(ToxicType type, JsonObject given) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String key : type.attributes()) {
            Object v = given.getValue(key);
            if (v != null) {
                values.put(key, JsonBodies.attribute(key, v));
            }
        }
        return values;
    }
}
