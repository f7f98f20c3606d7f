package io.firedrill.orchestrator.store;

/** {@link ExperimentStoreContract} on a real PostgreSQL, one fresh database per test. */
class ExperimentStorePostgresIT extends ExperimentStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
