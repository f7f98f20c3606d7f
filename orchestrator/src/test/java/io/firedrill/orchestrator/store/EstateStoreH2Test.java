package io.firedrill.orchestrator.store;

/** {@link EstateStoreContract} on an H2 file database. */
class EstateStoreH2Test extends EstateStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
