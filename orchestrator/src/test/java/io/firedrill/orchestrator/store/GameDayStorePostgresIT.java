package io.firedrill.orchestrator.store;

/** {@link GameDayStoreContract} on a real PostgreSQL, one fresh database per test. */
class GameDayStorePostgresIT extends GameDayStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
