package io.firedrill.estate.region;

import java.util.Locale;

/** What a regional app does with writes. */
public enum Role {
    /** Takes writes and ships them to the peer region. */
    PRIMARY,
    /** Refuses writes (503) and applies what the primary ships. */
    REPLICA,
    /**
     * A former primary that learned a newer epoch exists: it refuses writes (409) but still serves
     * reads and still ships what it holds, until it is resynced as a replica.
     */
    FENCED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
