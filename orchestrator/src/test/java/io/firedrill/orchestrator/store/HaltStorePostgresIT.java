package io.firedrill.orchestrator.store;

/** {@link HaltStoreContract} on a real PostgreSQL, one fresh database per test. */
class HaltStorePostgresIT extends HaltStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
