package io.firedrill.orchestrator.store;

/** {@link RunStoreContract} on a real PostgreSQL, one fresh database per test. */
class RunStorePostgresIT extends RunStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
