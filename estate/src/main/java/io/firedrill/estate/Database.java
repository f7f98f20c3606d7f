package io.firedrill.estate;

import java.util.Arrays;
import java.util.Locale;

/** Which database variant the regions run. */
public enum Database {
    /** An H2 database per region; the primary's app ships committed changes to the replica's app. */
    H2("reference-estate.yaml"),
    /** A PostgreSQL 15 cluster per region with streaming replication. */
    POSTGRES("reference-estate-postgres.yaml");

    private final String catalogFile;

    Database(String catalogFile) {
        this.catalogFile = catalogFile;
    }

    /** The catalog file that describes this variant with the default ports. */
    public String catalogFile() {
        return catalogFile;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Database parse(String text) {
        return Arrays.stream(values()).filter(d -> d.wire().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "database '" + text + "' is not one of h2, postgres"));
    }
}
