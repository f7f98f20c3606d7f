package io.firedrill.orchestrator.store;

/** {@link DatabaseContract} on an H2 file database. */
class DatabaseH2Test extends DatabaseContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
