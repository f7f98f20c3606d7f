package io.firedrill.orchestrator.store;

/** {@link EstateStoreContract} on a real PostgreSQL, one fresh database per test. */
class EstateStorePostgresIT extends EstateStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
