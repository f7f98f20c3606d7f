package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.RemediationAction;
import io.firedrill.orchestrator.store.ReportFinding;
import io.firedrill.orchestrator.store.ReportSignOff;
import io.firedrill.orchestrator.store.ReportStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link ReportStore} over the {@code report_*} tables. Ids are random so two orchestrators never pick the same. */
@Singleton
final class JdbcReportStore implements ReportStore {
    private final ReportFindingRepository findings;
    private final ReportActionRepository actions;
    private final ReportSignOffRepository signOffs;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JdbcReportStore(ReportFindingRepository findings, ReportActionRepository actions, ReportSignOffRepository signOffs,
            TransactionOperations<Connection> transactions, Clock clock) {
        this.findings = findings;
        this.actions = actions;
        this.signOffs = signOffs;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ReportFinding addFinding(String runId, String title, String severity, String description, String actor) {
        Arguments.requireText(title, "finding title", 500);
        Instant now = Arguments.now(clock);
        return transactions.executeWrite(status -> finding(findings.save(new ReportFindingRow(id("f-"), runId,
                (int) findings.countByRunId(runId), title, severity, description == null ? "" : description, actor,
                now, now))));
    }

    @Override
    public Optional<ReportFinding> updateFinding(String runId, String findingId, String title, String severity,
            String description) {
        Arguments.requireText(title, "finding title", 500);
        return transactions.executeWrite(status -> findings.findById(findingId).filter(r -> r.runId().equals(runId))
                .map(r -> finding(findings.update(new ReportFindingRow(r.id(), r.runId(), r.seq(), title, severity,
                        description == null ? "" : description, r.createdBy(), r.createdAt(),
                        Arguments.now(clock))))));
    }

    @Override
    public boolean deleteFinding(String runId, String findingId) {
        return transactions.executeWrite(status -> {
            if (findings.findById(findingId).filter(r -> r.runId().equals(runId)).isEmpty()) {
                return false;
            }
            actions.deleteByFindingId(findingId);
            return findings.deleteById(findingId) == 1;
        });
    }

    @Override
    public List<ReportFinding> findings(String runId) {
        return findings.findByRunIdOrderBySeq(runId).stream().map(JdbcReportStore::finding).toList();
    }

    @Override
    public Optional<RemediationAction> addAction(String runId, String findingId, String title, String owner,
            LocalDate due, String status, String retest, String actor) {
        Arguments.requireText(title, "action title", 500);
        Instant now = Arguments.now(clock);
        return transactions.executeWrite(tx -> findings.findById(findingId).filter(r -> r.runId().equals(runId))
                .map(f -> action(actions.save(new ReportActionRow(id("a-"), findingId, runId,
                        (int) actions.countByRunId(runId), title, owner, due, status, retest, actor, now, now)))));
    }

    @Override
    public Optional<RemediationAction> updateAction(String runId, String findingId, String actionId, String title,
            String owner, LocalDate due, String status, String retest) {
        return transactions.executeWrite(tx -> actions.findById(actionId)
                .filter(r -> r.runId().equals(runId) && r.findingId().equals(findingId))
                .map(r -> action(actions.update(new ReportActionRow(r.id(), r.findingId(), r.runId(), r.seq(),
                        title == null ? r.title() : title, owner == null ? r.owner() : owner,
                        due == null ? r.due() : due, status == null ? r.status() : status,
                        retest == null ? r.retest() : retest, r.createdBy(),
                        r.createdAt(), Arguments.now(clock))))));
    }

    @Override
    public List<RemediationAction> actions(String runId) {
        return actions.findByRunIdOrderBySeq(runId).stream().map(JdbcReportStore::action).toList();
    }

    @Override
    public ReportSignOff signOff(String runId, String signedBy, Instant signedAt, String note, String report,
            String sha256) {
        Arguments.requireText(signedBy, "sign-off actor", 200);
        ReportSignOffRow row = new ReportSignOffRow(runId, signedBy, Arguments.micros(signedAt), note, report, sha256);
        try {
            return signed(transactions.executeWrite(status -> signOffs.save(row)));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new DuplicateException("the report of run " + runId + " is already signed off");
            }
            throw e;
        }
    }

    @Override
    public Optional<ReportSignOff> signOff(String runId) {
        return signOffs.findById(runId).map(JdbcReportStore::signed);
    }

    private static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static ReportFinding finding(ReportFindingRow r) {
        return new ReportFinding(r.id(), r.runId(), r.title(), r.severity(), r.description(), r.createdBy(),
                r.createdAt(), r.updatedAt());
    }

    private static RemediationAction action(ReportActionRow r) {
        return new RemediationAction(r.id(), r.findingId(), r.runId(), r.title(), r.owner(), r.due(), r.status(),
                r.retest(), r.createdBy(), r.createdAt(), r.updatedAt());
    }

    private static ReportSignOff signed(ReportSignOffRow r) {
        return new ReportSignOff(r.runId(), r.signedBy(), r.signedAt(), r.note(), r.report(), r.sha256());
    }
}
