package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** Freeze windows by name. Blocking: call from a worker, never from an event loop. */
public interface FreezeWindowStore {

    /**
     * Stores a new window as given, stamped with the store's clock (the {@code createdAt} passed in is ignored);
     * throws {@link DuplicateException} when the name is taken.
     */
    FreezeWindowRecord create(FreezeWindowRecord window);

    Optional<FreezeWindowRecord> find(String name);

    /** Every window, ordered by name. */
    List<FreezeWindowRecord> list();

    /** Removes it; false when there was none. */
    boolean delete(String name);
}
