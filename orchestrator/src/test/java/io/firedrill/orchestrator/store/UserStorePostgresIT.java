package io.firedrill.orchestrator.store;

/** {@link UserStoreContract} on a real PostgreSQL, one fresh database per test. */
class UserStorePostgresIT extends UserStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
