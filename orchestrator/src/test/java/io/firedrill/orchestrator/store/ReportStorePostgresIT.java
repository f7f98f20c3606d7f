package io.firedrill.orchestrator.store;

/** {@link ReportStoreContract} on a real PostgreSQL, one fresh database per test. */
class ReportStorePostgresIT extends ReportStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
