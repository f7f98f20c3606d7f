package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** The HALT switch, shared by every orchestrator on the database. Blocking: call from a worker. */
public interface HaltStore {

    /** The halt in force, if any. */
    Optional<HaltRecord> current();

    /** Records a halt; when one is already in force it is returned as it is (halting twice is one halt). */
    HaltRecord halt(String actor, String reason);

    /** Ends the halt in force; empty when there was none. */
    Optional<HaltRecord> resume(String actor);

    /** Every halt, newest first, at most {@code limit}. */
    List<HaltRecord> history(int limit);
}
