package io.firedrill.orchestrator.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** The queries on {@code orchestrator_instance}; compiled once per dialect (see {@link H2Repositories}). */
interface InstanceRepository extends GenericRepository<InstanceRow, String> {

    InstanceRow save(InstanceRow row);

    Optional<InstanceRow> findById(String id);

    long updateLastSeen(@Id String id, Instant lastSeen);

    long updateStoppedAt(@Id String id, @Nullable Instant stoppedAt);
}
