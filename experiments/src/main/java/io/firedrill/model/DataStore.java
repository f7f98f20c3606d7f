package io.firedrill.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A database of the estate whose durability the RPO objective is about.
 *
 * @param replicatesFrom the data store this replica copies; absent for a primary
 */
public record DataStore(String name, String region, Engine engine, Role role, Optional<String> replicatesFrom) {
    public DataStore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(replicatesFrom, "replicatesFrom");
    }

    /** The database product, which decides how the final read and replication-lag samples are taken. */
    public enum Engine implements WireName {
        H2("h2"),
        POSTGRES("postgres");

        private final String wireName;

        Engine(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }

    /** Whether the store accepts writes or copies another store. */
    public enum Role implements WireName {
        PRIMARY("primary"),
        REPLICA("replica");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }
    }
}
