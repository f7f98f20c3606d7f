package io.firedrill.model.load;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The built-in catalog, packaged as classpath resources under {@code catalog/} (from
 * {@code experiments/catalog/}), and its runbooks under {@code runbooks/} (from the top-level
 * {@code runbooks/}). Files are listed here explicitly, because a jar cannot be listed portably; tests
 * check that the lists match the folders.
 */
public final class Catalog {
    /** The classpath folder of the catalog. */
    public static final String FOLDER = "catalog";

    static final List<String> ESTATES = List.of("reference-estate.yaml", "reference-estate-postgres.yaml");
    static final List<String> EXPERIMENTS = List.of("region-blackout.yaml", "replication-lag.yaml", "link-partition.yaml");

    /** The classpath folder of the built-in runbooks (from the top-level {@code runbooks/}). */
    public static final String RUNBOOKS_FOLDER = "runbooks";

    static final List<String> RUNBOOKS = List.of("regional-failover.md", "replication-lag-response.md", "partition-triage.md");

    private Catalog() {}

    /** The built-in experiments, ready for {@link ModelLoader#load(Source)}. */
    public static List<Source> experiments() {
        return EXPERIMENTS.stream().map(f -> Source.classpath(FOLDER + "/" + f)).toList();
    }

    /** The built-in estates. */
    public static List<Source> estates() {
        return ESTATES.stream().map(f -> Source.classpath(FOLDER + "/" + f)).toList();
    }

    /** A built-in estate by file name, with or without {@code .yaml} ({@code reference-estate.yaml}). */
    public static Optional<Source> estate(String fileName) {
        String file = fileName.endsWith(".yaml") ? fileName : fileName + ".yaml";
        return ESTATES.contains(file) ? Optional.of(Source.classpath(FOLDER + "/" + file)) : Optional.empty();
    }

    /** The built-in runbooks, one for each experiment of the catalog, ready for {@link ModelLoader#loadRunbook(Source)}. */
    public static List<Source> runbooks() {
        return RUNBOOKS.stream().map(f -> Source.classpath(RUNBOOKS_FOLDER + "/" + f)).toList();
    }

    /** Every estate and experiment of the catalog, estates first; runbooks are listed by {@link #runbooks()}. */
    public static List<Source> all() {
        return Stream.concat(estates().stream(), experiments().stream()).toList();
    }
}
