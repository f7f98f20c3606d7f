package io.firedrill.orchestrator.store;

/** {@link EnrollmentStoreContract} on a real PostgreSQL, one fresh database per test. */
class EnrollmentStorePostgresIT extends EnrollmentStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
