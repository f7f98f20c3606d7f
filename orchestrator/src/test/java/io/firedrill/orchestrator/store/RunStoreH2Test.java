package io.firedrill.orchestrator.store;

/** {@link RunStoreContract} on an H2 file database. */
class RunStoreH2Test extends RunStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
