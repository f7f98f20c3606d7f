package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.EstateStore;
import io.firedrill.orchestrator.store.StoredEstate;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link EstateStore} over {@link EstateRepository}. */
@Singleton
final class JdbcEstateStore implements EstateStore {

    private final EstateRepository repository;
    private final Clock clock;

    JdbcEstateStore(EstateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One INSERT: the primary key decides between two concurrent creates of one name. */
    @Override
    public StoredEstate create(String name, String format, String source) {
        check(name, format, source);
        Instant now = Arguments.now(clock);
        EstateRow row = new EstateRow(name, format, source, now, now);
        try {
            repository.save(row);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("an estate named '" + name
                        + "' already exists; replace it, delete it first or choose another name");
            }
            throw e;
        }
        return toEstate(row);
    }

    @Override
    public Optional<StoredEstate> find(String name) {
        return repository.findByName(name).map(JdbcEstateStore::toEstate);
    }

    @Override
    public List<StoredEstate> list() {
        return repository.listOrderByName().stream().map(JdbcEstateStore::toEstate).toList();
    }

    @Override
    public boolean replace(String name, String format, String source) {
        check(name, format, source);
        return repository.update(name, format, source, Arguments.now(clock)) > 0;
    }

    @Override
    public boolean delete(String name) {
        return repository.deleteByName(name) > 0;
    }

    private static void check(String name, String format, String source) {
        Arguments.requireText(name, "estate name", 200);
        Arguments.requireText(format, "estate format", 16);
        Objects.requireNonNull(source, "estate source is required");
    }

    private static StoredEstate toEstate(EstateRow row) {
        return new StoredEstate(row.name(), row.format(), row.source(), row.createdAt(), row.updatedAt());
    }
}
