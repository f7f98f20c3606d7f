package io.firedrill.orchestrator.store;

/** {@link FreezeWindowStoreContract} on a real PostgreSQL, one fresh database per test. */
class FreezeWindowStorePostgresIT extends FreezeWindowStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
