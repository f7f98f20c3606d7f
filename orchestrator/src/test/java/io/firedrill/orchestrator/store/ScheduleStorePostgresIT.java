package io.firedrill.orchestrator.store;

/** {@link ScheduleStoreContract} on a real PostgreSQL, one fresh database per test. */
class ScheduleStorePostgresIT extends ScheduleStoreContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
