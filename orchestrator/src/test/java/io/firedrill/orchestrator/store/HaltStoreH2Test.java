package io.firedrill.orchestrator.store;

/** {@link HaltStoreContract} on an H2 file database. */
class HaltStoreH2Test extends HaltStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
