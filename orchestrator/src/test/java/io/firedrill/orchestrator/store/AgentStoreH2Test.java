package io.firedrill.orchestrator.store;

/** {@link AgentStoreContract} on an H2 file database. */
class AgentStoreH2Test extends AgentStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
