package io.firedrill.orchestrator.store;

/** {@link ReportStoreContract} on an H2 file database. */
class ReportStoreH2Test extends ReportStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
