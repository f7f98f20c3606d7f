package io.firedrill.wire;

import java.util.Map;

/**
 * One toxic in Toxiproxy's terms.
 *
 * @param type       the toxic type ({@code latency}, {@code bandwidth}, {@code timeout}, ...)
 * @param stream     {@code upstream} or {@code downstream}
 * @param toxicity   the chance that the toxic acts on a connection, 0 to 1
 * @param attributes the toxic's integer attributes in Toxiproxy's units (ms, KB/s, bytes, µs)
 */
public record ToxicAction(String type, String stream, double toxicity, Map<String, Long> attributes) {
    public ToxicAction {
        Fields.require(type, "type");
        if (!"upstream".equals(stream) && !"downstream".equals(stream)) {
            throw new IllegalArgumentException("field 'stream' must be upstream or downstream, was " + stream);
        }
        if (!(toxicity >= 0 && toxicity <= 1)) {
            throw new IllegalArgumentException("field 'toxicity' must be between 0 and 1, was " + toxicity);
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
