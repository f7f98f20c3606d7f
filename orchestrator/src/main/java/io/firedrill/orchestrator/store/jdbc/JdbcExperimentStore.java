package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.StoredExperiment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ExperimentStore} over {@link ExperimentRepository}. */
@Singleton
final class JdbcExperimentStore implements ExperimentStore {

    private final ExperimentRepository repository;
    private final Clock clock;

    JdbcExperimentStore(ExperimentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * One INSERT: the primary key decides, so two concurrent creates of one name cannot both win
     * and a refused create leaves nothing behind.
     */
    @Override
    public StoredExperiment create(String name, String title, String format, String source) {
        Arguments.requireText(name, "experiment name", 200);
        Arguments.requireText(format, "experiment format", 16);
        Objects.requireNonNull(source, "experiment source is required");
        Instant now = Arguments.now(clock);
        ExperimentRow row = new ExperimentRow(name, title, format, source, now, now);
        try {
            repository.save(row);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("an experiment named '" + name
                        + "' already exists; delete it first or choose another name");
            }
            throw e;
        }
        return toExperiment(row);
    }

    @Override
    public Optional<StoredExperiment> find(String name) {
        return repository.findByName(name).map(JdbcExperimentStore::toExperiment);
    }

    @Override
    public List<StoredExperiment> list() {
        return repository.listOrderByName().stream().map(JdbcExperimentStore::toExperiment).toList();
    }

    @Override
    public boolean replace(String name, String title, String format, String source) {
        Arguments.requireText(name, "experiment name", 200);
        Arguments.requireText(format, "experiment format", 16);
        Objects.requireNonNull(source, "experiment source is required");
        return repository.update(name, title, format, source, Arguments.now(clock)) > 0;
    }

    @Override
    public boolean delete(String name) {
        return repository.deleteByName(name) > 0;
    }

    private static StoredExperiment toExperiment(ExperimentRow row) {
        return new StoredExperiment(
                row.name(), row.title(), row.format(), row.source(), row.createdAt(), row.updatedAt());
    }
}
