package io.firedrill.orchestrator.api;

import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.Source;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's estates as the API shows them: read-only, named by file name without {@code .yaml}
 * ({@code reference-estate}), so that the name in {@code /api/v1/estates/{name}} and in an experiment's
 * {@code estate: reference-estate} is the same one a user sees in the catalog folder. Registered estates
 * may not take these names, which keeps one name meaning one estate.
 */
final class BuiltInEstates {
    private static final String EXTENSION = ".yaml";
    private static final Map<String, Source> BY_NAME = load();

    private BuiltInEstates() {}

    static Optional<Source> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static boolean contains(String name) {
        return BY_NAME.containsKey(name);
    }

    /** Every built-in estate by its name in the API. */
    static Map<String, Source> all() {
        return BY_NAME;
    }

    /** Read once: the catalog is packaged in the jar and cannot change while the server runs. */
    private static Map<String, Source> load() {
        Map<String, Source> byName = new LinkedHashMap<>();
        for (Source source : Catalog.estates()) {
            String file = source.name().substring(source.name().lastIndexOf('/') + 1);
            byName.put(file.endsWith(EXTENSION) ? file.substring(0, file.length() - EXTENSION.length()) : file, source);
        }
        return Map.copyOf(byName);
    }
}
