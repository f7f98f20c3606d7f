package io.firedrill.orchestrator.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The audit log's tables: entries and signed checkpoints, each numbered 0, 1, 2, ... Append-only: nothing here
 * updates or deletes. Numbers are chosen by the caller and the primary key refuses a taken one, so several writers on
 * one database stay in one sequence. Blocking: call from a worker.
 */
public interface AuditStore {

    /** Writes the entry; a {@link DuplicateException} when its number is taken (another writer got there first). */
    void append(AuditEntryRecord entry);

    /** The highest entry number written; empty on an empty log. */
    OptionalLong lastSeq();

    Optional<AuditEntryRecord> entry(long seq);

    /** Entries numbered {@code from} or more, in order, at most {@code limit}. */
    List<AuditEntryRecord> entries(long from, int limit);

    /** Writes the checkpoint; a {@link DuplicateException} when its number is taken. */
    void addCheckpoint(AuditCheckpointRecord checkpoint);

    /** The checkpoint with the highest number, if any. */
    Optional<AuditCheckpointRecord> latestCheckpoint();

    /** Every checkpoint, in order of number. */
    List<AuditCheckpointRecord> checkpoints();
}
