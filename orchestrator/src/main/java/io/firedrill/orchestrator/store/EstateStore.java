package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/**
 * Estates registered over the API, by name. Only storage: whether a document is a valid estate, and
 * whether experiments still use it, is the API's business. Blocking: call from a worker.
 */
public interface EstateStore {

    /** Stores a new estate; throws {@link DuplicateException} when the name is taken. */
    StoredEstate create(String name, String format, String source);

    Optional<StoredEstate> find(String name);

    /** Every stored estate, ordered by name. */
    List<StoredEstate> list();

    /**
     * Replaces the source of an existing estate; {@code createdAt} stays, {@code updatedAt} moves.
     * False, and nothing stored, when there is none of that name.
     */
    boolean replace(String name, String format, String source);

    /** Removes it; false when there was none. */
    boolean delete(String name);
}
