package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.HaltRecord;
import io.firedrill.orchestrator.store.HaltStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link HaltStore} over {@link HaltRepository}. The halt in force always has the id {@value #IN_FORCE}, so two
 * orchestrators halting at once cannot both insert one: the primary key lets one through and the other finds it.
 * Resuming moves the row to an id of its own, kept as history.
 */
@Singleton
final class JdbcHaltStore implements HaltStore {
    static final String IN_FORCE = "in-force";

    private final HaltRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JdbcHaltStore(HaltRepository repository, TransactionOperations<Connection> transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<HaltRecord> current() {
        return repository.findById(IN_FORCE).map(JdbcHaltStore::record);
    }

    @Override
    public HaltRecord halt(String actor, String reason) {
        Arguments.requireText(actor, "halt actor", 200);
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        if (why.length() > 2000) {
            why = why.substring(0, 2000);
        }
        HaltRow row = new HaltRow(IN_FORCE, Arguments.now(clock), actor, why, null, null);
        return record(SqlErrors.retryOnUniqueViolation(() -> transactions.executeWrite(status ->
                repository.findById(IN_FORCE).orElseGet(() -> repository.save(row)))));
    }

    @Override
    public Optional<HaltRecord> resume(String actor) {
        Arguments.requireText(actor, "resume actor", 200);
        return transactions.executeWrite(status -> repository.findById(IN_FORCE).map(row -> {
            Instant now = Arguments.now(clock);
            repository.deleteById(IN_FORCE);
            HaltRow ended = new HaltRow("h-" + row.haltedAt().toEpochMilli() + "-" + Long.toString(now.toEpochMilli(), 36),
                    row.haltedAt(), row.haltedBy(), row.reason(), now, actor);
            return record(repository.save(ended));
        }));
    }

    @Override
    public List<HaltRecord> history(int limit) {
        return repository.listOrderByHaltedAtDesc().stream().limit(limit).map(JdbcHaltStore::record).toList();
    }

    private static HaltRecord record(HaltRow row) {
        return new HaltRecord(row.id(), row.haltedAt(), row.haltedBy(), row.reason(), row.resumedAt(), row.resumedBy());
    }
}
