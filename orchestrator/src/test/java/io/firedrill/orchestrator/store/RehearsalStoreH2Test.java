package io.firedrill.orchestrator.store;

/** {@link RehearsalStoreContract} on an H2 file database. */
class RehearsalStoreH2Test extends RehearsalStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
