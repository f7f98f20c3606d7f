package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.GameDayStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link GameDayStore} over {@link GameDayRepository} and {@link GameDayParticipantRepository}. */
@Singleton
final class JdbcGameDayStore implements GameDayStore {
    private final GameDayRepository days;
    private final GameDayParticipantRepository participants;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JdbcGameDayStore(GameDayRepository days, GameDayParticipantRepository participants,
            TransactionOperations<Connection> transactions, Clock clock) {
        this.days = days;
        this.participants = participants;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public GameDay create(String name, String runbook, List<String> experiments,
            List<GameDay.Participant> people, String actor) {
        Arguments.requireText(name, "game day name", 100);
        Arguments.requireText(runbook, "runbook", 100);
        if (experiments.isEmpty() || experiments.stream().anyMatch(e -> e == null || e.isBlank() || e.contains(","))) {
            throw new IllegalArgumentException("experiments: expected at least one name, none blank or with a comma, "
                    + "got " + experiments);
        }
        String joined = Arguments.requireText(String.join(",", experiments), "experiments", 2000);
        GameDayRow row = new GameDayRow(name, runbook, joined, actor, Arguments.now(clock));
        try {
            return transactions.executeWrite(status -> {
                if (days.existsByName(name)) {
                    throw taken(name);
                }
                days.save(row);
                for (int i = 0; i < people.size(); i++) {
                    GameDay.Participant p = people.get(i);
                    participants.save(new GameDayParticipantRow(name + "/" + p.user(), name, i + 1, p.user(),
                            p.role()));
                }
                return gameDay(row);
            });
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw taken(name);
            }
            throw e;
        }
    }

    @Override
    public Optional<GameDay> find(String name) {
        return days.findByName(name).map(this::gameDay);
    }

    @Override
    public List<GameDay> list() {
        return days.listOrderByName().stream().map(this::gameDay).toList();
    }

    @Override
    public List<String> usingRunbook(String runbook) {
        return days.findByRunbookOrderByName(runbook).stream().map(GameDayRow::name).toList();
    }

    @Override
    public boolean delete(String name) {
        return transactions.executeWrite(status -> {
            participants.deleteByGameDay(name);
            return days.deleteByName(name) > 0;
        });
    }

    private GameDay gameDay(GameDayRow r) {
        List<GameDay.Participant> people = participants.findByGameDayOrderBySeq(r.name()).stream()
                .map(p -> new GameDay.Participant(p.userName(), p.role())).toList();
        return new GameDay(r.name(), r.runbook(), Arrays.asList(r.experiments().split(",")), people, r.createdBy(),
                r.createdAt());
    }

    private static DuplicateException taken(String name) {
        return new DuplicateException("a game day named '" + name + "' exists already");
    }
}
