package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** {@link RunStore} over {@link RunRepository}. Read-only until the run engine adds its writes. */
@Singleton
final class JdbcRunStore implements RunStore {

    /** Newest first; the id breaks ties between runs requested in the same microsecond. */
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final RunRepository repository;

    JdbcRunStore(RunRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<RunRecord> list() {
        return repository.findAll(NEWEST_FIRST).stream().map(JdbcRunStore::toRun).toList();
    }

    @Override
    public Optional<RunRecord> find(String id) {
        return repository.findById(id).map(JdbcRunStore::toRun);
    }

    private static RunRecord toRun(RunRow row) {
        return new RunRecord(
                row.id(), row.experiment(), row.state(), row.verdict(), row.createdAt(), row.updatedAt());
    }
}
