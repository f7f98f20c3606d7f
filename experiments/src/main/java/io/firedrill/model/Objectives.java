package io.firedrill.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The declared recovery objectives the run is judged against.
 *
 * @param rto                the longest acceptable time from fault onset to steady state again
 * @param rpo                the widest acceptable window of acknowledged writes lost; 0 means none may be lost
 * @param steadyStateSamples consecutive successful probe rounds that count as "steady again"
 * @param dataStores         per-data-store objectives; the loader fills in the estate-wide values a
 *                           data store does not override, so each entry is complete
 */
public record Objectives(Duration rto, Duration rpo, int steadyStateSamples, List<StoreObjective> dataStores) {
    public static final int DEFAULT_STEADY_STATE_SAMPLES = 3;

    public Objectives {
        Objects.requireNonNull(rto, "rto");
        Objects.requireNonNull(rpo, "rpo");
        dataStores = List.copyOf(dataStores);
    }

    /** The objectives that apply to {@code dataStore}: its override, else the estate-wide ones. */
    public StoreObjective forDataStore(String dataStore) {
        return dataStores.stream()
                .filter(o -> o.dataStore().equals(dataStore))
                .findFirst()
                .orElse(new StoreObjective(dataStore, rto, rpo));
    }

    public record StoreObjective(String dataStore, Duration rto, Duration rpo) {
        public StoreObjective {
            Objects.requireNonNull(dataStore, "dataStore");
            Objects.requireNonNull(rto, "rto");
            Objects.requireNonNull(rpo, "rpo");
        }
    }
}
