package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.InstanceStore;
import io.firedrill.orchestrator.store.OrchestratorInstance;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** {@link InstanceStore} over {@link InstanceRepository}. */
@Singleton
final class JdbcInstanceStore implements InstanceStore {
    private final InstanceRepository repository;

    JdbcInstanceStore(InstanceRepository repository) {
        this.repository = repository;
    }

    @Override
    public void register(String id, String host, Instant at) {
        Arguments.requireText(id, "instance id", 120);
        Instant when = Arguments.micros(at);
        repository.save(new InstanceRow(id, host, when, when, null));
    }

    @Override
    public void heartbeat(String id, Instant at) {
        repository.updateLastSeen(id, Arguments.micros(at));
    }

    @Override
    public void stopped(String id, Instant at) {
        repository.updateStoppedAt(id, Arguments.micros(at));
    }

    @Override
    public Optional<OrchestratorInstance> find(String id) {
        return repository.findById(id).map(r -> new OrchestratorInstance(r.id(), r.host(), r.startedAt(), r.lastSeen(),
                r.stoppedAt()));
    }
}
