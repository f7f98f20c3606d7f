package io.firedrill.orchestrator.store;

/** {@link AgentStoreContract} on a real PostgreSQL, one fresh database per test. */
class AgentStorePostgresIT extends AgentStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
