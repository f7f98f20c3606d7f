package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;

/** Game days and their participants. Blocking: call from a worker. */
public interface GameDayStore {

    /** Stores a game day with its participants in one transaction; a taken name is a {@link DuplicateException}. */
    GameDay create(String name, String runbook, List<String> experiments, List<GameDay.Participant> participants,
            String actor);

    Optional<GameDay> find(String name);

    /** Every game day, by name. */
    List<GameDay> list();

    /** The game days whose runbook is {@code runbook}, by name. */
    List<String> usingRunbook(String runbook);

    /** Removes it and its participants; false when there was none. Its rehearsals are kept. */
    boolean delete(String name);
}
