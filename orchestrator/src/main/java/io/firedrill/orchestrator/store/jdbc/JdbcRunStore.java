package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import io.firedrill.orchestrator.store.RunTransition;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link RunStore} over {@link RunRepository} and {@link RunTransitionRepository}. A transition and the run's
 * current state change in one transaction, so the run row never says a state its history does not have.
 */
@Singleton
final class JdbcRunStore implements RunStore {

    /** Newest first; the id breaks ties between runs requested in the same microsecond. */
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final int DETAIL_LIMIT = 2000;

    private final RunRepository repository;
    private final RunTransitionRepository transitions;
    private final TransactionOperations<Connection> tx;

    JdbcRunStore(RunRepository repository, RunTransitionRepository transitions, TransactionOperations<Connection> tx) {
        this.repository = repository;
        this.transitions = transitions;
        this.tx = tx;
    }

    @Override
    public List<RunRecord> list() {
        return repository.findAll(NEWEST_FIRST).stream().map(JdbcRunStore::toRun).toList();
    }

    @Override
    public Optional<RunRecord> find(String id) {
        return repository.findById(id).map(JdbcRunStore::toRun);
    }

    @Override
    public Optional<String> source(String id) {
        return repository.findById(id).map(RunRow::source);
    }

    @Override
    public RunRecord create(String id, String experiment, String source, String state, Instant at, String owner,
            String startedBy) {
        Arguments.requireText(id, "run id", 64);
        Arguments.requireText(experiment, "experiment name", 200);
        if (startedBy != null) {
            Arguments.requireText(startedBy, "started by", 200);
        }
        Instant when = Arguments.micros(at);
        return tx.executeWrite(status -> {
            RunRow row = repository.save(new RunRow(id, experiment, state, null, when, when, null, source, owner,
                    startedBy));
            transitions.save(new RunTransitionRow(id + "/1", id, 1, state, when, "requested"));
            return toRun(row);
        });
    }

    @Override
    public List<Unfinished> unfinished(List<String> endStates) {
        return repository.findByStateNotInList(endStates).stream()
                .map(r -> new Unfinished(r.id(), r.experiment(), r.state(), r.owner())).toList();
    }

    @Override
    public RunTransition transition(String id, String state, Instant at, String detail, String verdict, String cause) {
        Instant when = Arguments.micros(at);
        return tx.executeWrite(status -> {
            int seq = transitions.findByRunIdOrderBySeq(id).size() + 1;
            String shortDetail = limit(detail);
            transitions.save(new RunTransitionRow(id + "/" + seq, id, seq, state, when, shortDetail));
            if (repository.update(id, state, verdict, limit(cause), when) == 0) {
                throw new IllegalArgumentException("no run with id '" + id + "'");
            }
            return new RunTransition(id, seq, state, when, shortDetail);
        });
    }

    @Override
    public List<RunTransition> transitions(String id) {
        return transitions.findByRunIdOrderBySeq(id).stream()
                .map(r -> new RunTransition(r.runId(), r.seq(), r.state(), r.at(), r.detail())).toList();
    }

    private static String limit(String text) {
        return text == null || text.length() <= DETAIL_LIMIT ? text : text.substring(0, DETAIL_LIMIT - 3) + "...";
    }

    private static RunRecord toRun(RunRow row) {
        return new RunRecord(row.id(), row.experiment(), row.state(), row.verdict(), row.createdAt(), row.updatedAt(),
                row.cause(), row.startedBy());
    }
}
