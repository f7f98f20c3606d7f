package io.firedrill.model;

/** A top-level document of the format: what {@code ModelLoader.load} returns after detecting its kind. */
public sealed interface Document permits Estate, Experiment, Runbook {
    /** The only {@code apiVersion} this build reads and writes. */
    String API_VERSION = "firedrill/v1";

    String name();

    Kind kind();

    /** The {@code kind} field of a document. */
    enum Kind implements WireName {
        ESTATE("Estate"),
        EXPERIMENT("Experiment"),
        /** Markdown with YAML front matter, not a YAML document: see {@code ModelLoader.loadRunbook}. */
        RUNBOOK("Runbook");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
