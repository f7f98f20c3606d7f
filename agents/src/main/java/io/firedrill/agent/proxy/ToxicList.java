package io.firedrill.agent.proxy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The toxics of one proxy, per stream in insertion order, with names unique across both streams. Not
 * thread-safe: {@link Proxy} guards it with the same lock it holds while dispatching changes to connections, so
 * every connection sees the changes in the order they were made here.
 */
final class ToxicList {
    private final Map<Direction, List<ToxicSpec>> byStream = new EnumMap<>(Direction.class);

    ToxicList() {
        for (Direction d : Direction.values()) {
            byStream.put(d, new ArrayList<>());
        }
    }

    /** Upstream toxics first, then downstream, each in insertion order. */
    List<ToxicSpec> all() {
        List<ToxicSpec> all = new ArrayList<>();
        for (Direction d : Direction.values()) {
            all.addAll(byStream.get(d));
        }
        return List.copyOf(all);
    }

    Optional<ToxicSpec> find(String name) {
        for (List<ToxicSpec> stream : byStream.values()) {
            for (ToxicSpec t : stream) {
                if (t.name().equals(name)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    ToxicSpec get(String name) {
        return find(name).orElseThrow(() -> ProxyException.notFound("toxic not found"));
    }

    void add(ToxicSpec spec) {
        if (find(spec.name()).isPresent()) {
            throw ProxyException.conflict("toxic already exists");
        }
        byStream.get(spec.stream()).add(spec);
    }

    /** Puts {@code updated} in the place of the toxic of the same name. */
    void replace(ToxicSpec updated) {
        List<ToxicSpec> stream = byStream.get(updated.stream());
        for (int i = 0; i < stream.size(); i++) {
            if (stream.get(i).name().equals(updated.name())) {
                stream.set(i, updated);
                return;
            }
        }
        throw ProxyException.notFound("toxic not found");
    }

    ToxicSpec remove(String name) {
        ToxicSpec spec = get(name);
        byStream.get(spec.stream()).remove(spec);
        return spec;
    }

    List<ToxicSpec> clear() {
        List<ToxicSpec> removed = all();
        byStream.values().forEach(List::clear);
        return removed;
    }
}
