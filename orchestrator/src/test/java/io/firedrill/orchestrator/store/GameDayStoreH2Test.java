package io.firedrill.orchestrator.store;

/** {@link GameDayStoreContract} on an H2 file database. */
class GameDayStoreH2Test extends GameDayStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
