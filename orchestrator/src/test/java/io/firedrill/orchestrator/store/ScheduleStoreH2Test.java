package io.firedrill.orchestrator.store;

/** {@link ScheduleStoreContract} on an H2 file database. */
class ScheduleStoreH2Test extends ScheduleStoreContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
