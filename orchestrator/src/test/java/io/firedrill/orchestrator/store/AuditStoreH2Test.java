package io.firedrill.orchestrator.store;

/** {@link AuditStoreContract} on an H2 file database. */
class AuditStoreH2Test extends AuditStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
