package io.firedrill.orchestrator.store;

/** {@link AuditStoreContract} on a real PostgreSQL, one fresh database per test. */
class AuditStorePostgresIT extends AuditStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
