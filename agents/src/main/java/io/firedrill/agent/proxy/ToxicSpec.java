package io.firedrill.agent.proxy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One toxic as the API shows it. {@code attributes} always holds every key of {@link ToxicType#attributes()}
 * in that order (missing keys are 0, unknown keys are dropped).
 *
 * @param toxicity the probability, rolled once per link when the link starts, that the toxic acts on it
 */
public record ToxicSpec(String name, ToxicType type, Direction stream, double toxicity, Map<String, Long> attributes) {
    public ToxicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stream, "stream");
        attributes = normalise(type, attributes);
    }

    /** The attribute, 0 when absent. */
    public long attribute(String key) {
        return attributes.getOrDefault(key, 0L);
    }

    /** This toxic with {@code changes} merged into its attributes and, when given, a new toxicity. */
    public ToxicSpec update(Map<String, Long> changes, Double newToxicity) {
        Map<String, Long> merged = new LinkedHashMap<>(attributes);
        changes.forEach((k, v) -> {
            if (merged.containsKey(k)) {
                merged.put(k, v);
            }
        });
        return new ToxicSpec(name, type, stream, newToxicity == null ? toxicity : newToxicity, merged);
    }

    private static Map<String, Long> normalise(ToxicType type, Map<String, Long> given) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String key : type.attributes()) {
            Long v = given == null ? null : given.get(key);
            out.put(key, v == null ? 0L : v);
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
