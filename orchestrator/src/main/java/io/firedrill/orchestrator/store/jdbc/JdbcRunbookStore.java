package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.RunbookStore;
import io.firedrill.orchestrator.store.StoredRunbook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link RunbookStore} over {@link RunbookRepository}. */
@Singleton
final class JdbcRunbookStore implements RunbookStore {
    private final RunbookRepository repository;
    private final Clock clock;

    JdbcRunbookStore(RunbookRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public StoredRunbook create(String id, String title, String version, String source, String actor) {
        Arguments.requireText(id, "runbook id", 100);
        Arguments.requireText(title, "runbook title", 500);
        Arguments.requireText(version, "runbook version", 100);
        Arguments.requireText(source, "runbook source", Integer.MAX_VALUE);
        try {
            return runbook(repository.save(new RunbookRow(id, title, version, source, actor, Arguments.now(clock))));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("a runbook with id '" + id + "' exists already");
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredRunbook> find(String id) {
        return repository.findById(id).map(JdbcRunbookStore::runbook);
    }

    @Override
    public List<StoredRunbook> list() {
        return repository.listOrderById().stream().map(JdbcRunbookStore::runbook).toList();
    }

    @Override
    public boolean delete(String id) {
        return repository.deleteById(id) > 0;
    }

    private static StoredRunbook runbook(RunbookRow r) {
        return new StoredRunbook(r.id(), r.title(), r.version(), r.source(), r.createdBy(), r.createdAt());
    }
}
