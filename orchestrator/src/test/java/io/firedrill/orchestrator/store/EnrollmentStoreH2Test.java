package io.firedrill.orchestrator.store;

/** {@link EnrollmentStoreContract} on an H2 file database. */
class EnrollmentStoreH2Test extends EnrollmentStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
