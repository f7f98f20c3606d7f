package io.firedrill.orchestrator.store;

/** {@link FreezeWindowStoreContract} on an H2 file database. */
class FreezeWindowStoreH2Test extends FreezeWindowStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
