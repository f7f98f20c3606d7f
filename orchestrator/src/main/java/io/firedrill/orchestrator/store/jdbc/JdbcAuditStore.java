package io.firedrill.orchestrator.store.jdbc;

import io.firedrill.orchestrator.store.AuditCheckpointRecord;
import io.firedrill.orchestrator.store.AuditEntryRecord;
import io.firedrill.orchestrator.store.AuditStore;
import io.firedrill.orchestrator.store.DuplicateException;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link AuditStore} over {@link AuditEntryRepository} and {@link AuditCheckpointRepository}. Plain inserts, no
 * "exists?" check first: the primary key is the arbiter between concurrent writers, and its violation is the signal
 * to take the next number.
 */
@Singleton
final class JdbcAuditStore implements AuditStore {
    private static final Sort BY_SEQ = Sort.of(Sort.Order.asc("seq"));
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("seq"));

    private final AuditEntryRepository entries;
    private final AuditCheckpointRepository checkpoints;

    JdbcAuditStore(AuditEntryRepository entries, AuditCheckpointRepository checkpoints) {
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    @Override
    public void append(AuditEntryRecord e) {
        AuditEntryRow row = new AuditEntryRow(e.seq(), Arguments.micros(e.at()), e.actor(), e.action(), e.subject(),
                e.details(), e.leafHash());
        try {
            entries.save(row);
        } catch (RuntimeException failure) {
            if (SqlErrors.isUniqueViolation(failure)) {
                throw new DuplicateException("audit entry " + e.seq() + " exists already");
            }
            throw failure;
        }
    }

    @Override
    public OptionalLong lastSeq() {
        List<AuditEntryRow> last = entries.findBySeqGreaterThanEquals(0, Pageable.from(0, 1, NEWEST_FIRST));
        return last.isEmpty() ? OptionalLong.empty() : OptionalLong.of(last.get(0).seq());
    }

    @Override
    public Optional<AuditEntryRecord> entry(long seq) {
        return entries.findById(seq).map(JdbcAuditStore::record);
    }

    @Override
    public List<AuditEntryRecord> entries(long from, int limit) {
        return entries.findBySeqGreaterThanEquals(from, Pageable.from(0, Math.max(1, limit), BY_SEQ)).stream()
                .map(JdbcAuditStore::record).toList();
    }

    @Override
    public void addCheckpoint(AuditCheckpointRecord c) {
        AuditCheckpointRow row = new AuditCheckpointRow(c.seq(), c.treeSize(), c.rootHash(), Arguments.micros(c.at()),
                c.keyId(), c.signature());
        try {
            checkpoints.save(row);
        } catch (RuntimeException failure) {
            if (SqlErrors.isUniqueViolation(failure)) {
                throw new DuplicateException("audit checkpoint " + c.seq() + " exists already");
            }
            throw failure;
        }
    }

    @Override
    public Optional<AuditCheckpointRecord> latestCheckpoint() {
        return checkpoints.list(Pageable.from(0, 1, NEWEST_FIRST)).stream().findFirst().map(JdbcAuditStore::record);
    }

    @Override
    public List<AuditCheckpointRecord> checkpoints() {
        return checkpoints.listOrderBySeq().stream().map(JdbcAuditStore::record).toList();
    }

    private static AuditEntryRecord record(AuditEntryRow r) {
        return new AuditEntryRecord(r.seq(), r.at(), r.actor(), r.action(), r.subject(), r.details(), r.leafHash());
    }

    private static AuditCheckpointRecord record(AuditCheckpointRow r) {
        return new AuditCheckpointRecord(r.seq(), r.treeSize(), r.rootHash(), r.at(), r.keyId(), r.signature());
    }
}
