package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.FreezeWindowRecord;
import io.firedrill.orchestrator.store.FreezeWindowStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link FreezeWindowStore} over {@link FreezeWindowRepository}. */
@Singleton
final class JdbcFreezeWindowStore implements FreezeWindowStore {

    private final FreezeWindowRepository repository;
    private final Clock clock;

    JdbcFreezeWindowStore(FreezeWindowRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public FreezeWindowRecord create(FreezeWindowRecord w) {
        Arguments.requireText(w.name(), "freeze window name", 100);
        Objects.requireNonNull(w.kind(), "freeze window kind");
        Arguments.requireText(w.timeZone(), "time zone", 80);
        Arguments.requireText(w.reason(), "freeze window reason", 2000);
        Arguments.requireText(w.createdBy(), "freeze window actor", 200);
        String holidays = w.holidays().isEmpty() ? null
                : w.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(","));
        FreezeWindowRow row = new FreezeWindowRow(w.name(), w.kind().name(), w.timeZone(),
                Arguments.micros(w.startsAt()), Arguments.micros(w.endsAt()), w.weekly(), holidays, w.reason(),
                w.createdBy(), Arguments.now(clock));
        try {
            repository.save(row);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("a freeze window named '" + w.name()
                        + "' already exists; delete it first or choose another name");
            }
            throw e;
        }
        return record(row);
    }

    @Override
    public Optional<FreezeWindowRecord> find(String name) {
        return repository.findByName(name).map(JdbcFreezeWindowStore::record);
    }

    @Override
    public List<FreezeWindowRecord> list() {
        return repository.listOrderByName().stream().map(JdbcFreezeWindowStore::record).toList();
    }

    @Override
    public boolean delete(String name) {
        return repository.deleteByName(name) > 0;
    }

    private static FreezeWindowRecord record(FreezeWindowRow r) {
        List<LocalDate> holidays = r.holidays() == null || r.holidays().isBlank() ? List.of()
                : Arrays.stream(r.holidays().split(",")).map(LocalDate::parse).toList();
        return new FreezeWindowRecord(r.name(), FreezeWindowRecord.Kind.valueOf(r.kind()), r.timeZone(), r.startsAt(),
                r.endsAt(), r.weekly(), holidays, r.reason(), r.createdBy(), r.createdAt());
    }
}
