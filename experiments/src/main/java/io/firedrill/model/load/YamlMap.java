package io.firedrill.model.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The known fields of one mapping, read the same way everywhere: a missing required field or a bad value
 * is reported and marks the mapping incomplete, and {@link #build} makes the record only if it is
 * complete. Reading always continues, so one load reports every problem of the document.
 */
final class YamlMap {
    private final YamlNode self;
    private final Map<String, YamlNode> fields;
    private boolean complete = true;

    YamlMap(YamlNode self, Map<String, YamlNode> fields) {
        this.self = self;
        this.fields = fields;
    }

    YamlNode self() {
        return self;
    }

    /** The field's node; an explicit null counts as absent, as JSON writers emit nulls for unset fields. */
    Optional<YamlNode> get(String field) {
        return Optional.ofNullable(fields.get(field)).filter(n -> !n.isNull());
    }

    boolean has(String field) {
        return get(field).isPresent();
    }

    void incomplete() {
        complete = false;
    }

    /** The value, or null after reporting that it is missing or bad. */
    <T> T required(String field, Function<YamlNode, Optional<T>> read) {
        Optional<YamlNode> node = get(field);
        if (node.isEmpty()) {
            self.problem("missing field '" + field + "'");
            complete = false;
            return null;
        }
        return track(read.apply(node.get())).orElse(null);
    }

    /** Empty when absent; a bad value is reported and marks the mapping incomplete. */
    <T> Optional<T> optional(String field, Function<YamlNode, Optional<T>> read) {
        return get(field).flatMap(n -> track(read.apply(n)));
    }

    /** The value, {@code fallback} when absent, or null after reporting a bad value. */
    <T> T optional(String field, Function<YamlNode, Optional<T>> read, T fallback) {
        Optional<YamlNode> node = get(field);
        return node.isEmpty() ? fallback : track(read.apply(node.get())).orElse(null);
    }

    /**
     * The items of a list field that read well; any bad item marks the mapping incomplete.
     *
     * @param minimum the least number of items; 0 makes the field optional
     * @param what    the item kind for the "at least one" message
     */
    <T> List<T> list(String field, int minimum, String what, Function<YamlNode, Optional<T>> readItem) {
        Optional<YamlNode> node = get(field);
        if (node.isEmpty()) {
            if (minimum > 0) {
                self.problem("missing field '" + field + "'; expected a list of at least one " + what);
                complete = false;
            }
            return List.of();
        }
        Optional<List<YamlNode>> items = track(node.get().list());
        if (items.isEmpty()) {
            return List.of();
        }
        if (items.get().size() < minimum) {
            node.get().problem("expected a list of at least one " + what + ", got an empty list");
            complete = false;
        }
        List<T> out = new ArrayList<>();
        for (YamlNode item : items.get()) {
            track(readItem.apply(item)).ifPresent(out::add);
        }
        return out;
    }

    <T> Optional<T> build(Supplier<T> make) {
        return complete ? Optional.of(make.get()) : Optional.empty();
    }

    private <T> Optional<T> track(Optional<T> value) {
        if (value.isEmpty()) {
            complete = false;
        }
        return value;
    }
}
