package io.firedrill.orchestrator.store;

/** {@link RehearsalStoreContract} on a real PostgreSQL, one fresh database per test. */
class RehearsalStorePostgresIT extends RehearsalStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
