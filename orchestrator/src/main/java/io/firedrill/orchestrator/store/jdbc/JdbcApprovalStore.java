package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.Approval;
import io.firedrill.orchestrator.store.ApprovalStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ApprovalStore} over {@link ApprovalRepository}; every change in one transaction. */
@Singleton
final class JdbcApprovalStore implements ApprovalStore {
    private final ApprovalRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JdbcApprovalStore(ApprovalRepository repository, TransactionOperations<Connection> transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Approval request(String experiment, String estate, String requestedBy, String reason, Instant expiresAt) {
        Arguments.requireText(experiment, "experiment", 200);
        Arguments.requireText(reason, "reason", 2000);
        String id = "a-" + UUID.randomUUID().toString().substring(0, 8);
        return approval(repository.save(new ApprovalRow(id, experiment, estate, requestedBy, Arguments.now(clock),
                reason.strip(), Arguments.micros(expiresAt), Approval.PENDING, null, null, null, null)));
    }

    @Override
    public Optional<Approval> find(String id) {
        return transactions.executeWrite(status -> repository.findById(id).map(this::expireIfDue).map(JdbcApprovalStore::approval));
    }

    @Override
    public List<Approval> list(String state) {
        return transactions.executeWrite(status -> repository.listOrderByRequestedAtDesc().stream().map(this::expireIfDue)
                .filter(r -> state == null || r.state().equals(state)).map(JdbcApprovalStore::approval).toList());
    }

    @Override
    public Approval decide(String id, String decider, boolean approve, String note) {
        return approval(transactions.executeWrite(status -> {
            ApprovalRow row = repository.findById(id).map(this::expireIfDue)
                    .orElseThrow(() -> new IllegalArgumentException("no approval with id '" + id + "'"));
            if (!row.state().equals(Approval.PENDING)) {
                throw new IllegalStateException("approval " + id + " is " + row.state()
                        + (row.decidedBy() == null ? "" : " (by " + row.decidedBy() + ")") + "; only a pending one can be decided");
            }
            if (row.requestedBy().equals(decider)) {
                throw new IllegalStateException(decider + " requested approval " + id
                        + "; a second person must decide it");
            }
            return repository.update(row.with(approve ? Approval.APPROVED : Approval.REJECTED, decider,
                    Arguments.now(clock), note, null));
        }));
    }

    @Override
    public Optional<Approval> consume(String experiment, String runId) {
        return transactions.executeWrite(status -> repository
                .findByExperimentAndStateOrderByRequestedAt(experiment, Approval.APPROVED).stream()
                .map(this::expireIfDue).filter(r -> r.state().equals(Approval.APPROVED)).findFirst()
                .map(r -> repository.update(r.with(Approval.USED, r.decidedBy(), r.decidedAt(), r.note(), runId)))
                .map(JdbcApprovalStore::approval));
    }

    /** A pending or approved approval past its time is recorded expired (inside the caller's transaction). */
    private ApprovalRow expireIfDue(ApprovalRow row) {
        boolean open = row.state().equals(Approval.PENDING) || row.state().equals(Approval.APPROVED);
        if (open && !row.expiresAt().isAfter(clock.instant())) {
            return repository.update(row.with(Approval.EXPIRED, row.decidedBy(), row.decidedAt(), row.note(), null));
        }
        return row;
    }

    private static Approval approval(ApprovalRow r) {
        return new Approval(r.id(), r.experiment(), r.estate(), r.requestedBy(), r.requestedAt(), r.reason(),
                r.expiresAt(), r.state(), r.decidedBy(), r.decidedAt(), r.note(), r.runId());
    }
}
