package io.firedrill.orchestrator.store;

/** {@link ExperimentStoreContract} on an H2 file database. */
class ExperimentStoreH2Test extends ExperimentStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
