package io.firedrill.orchestrator.store;

/** {@link UserStoreContract} on an H2 file database. */
class UserStoreH2Test extends UserStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
