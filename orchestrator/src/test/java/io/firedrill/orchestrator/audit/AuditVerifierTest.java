package io.firedrill.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.testing.AuditTampering;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an auditor reads from the verifier for each way a log can be tampered with, and the proofs they ask for. */
class AuditVerifierTest {
    @TempDir
    Path dir;
    Database db;
    AuditLog log;

    @BeforeEach
    void openLog() throws Exception {
        db = Database.open(DbConfig.h2(dir), Clock.systemUTC());
        log = AuditLog.open(db.audit(), dir.resolve("keys"), new TickingClock());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            log.append(i % 2 == 0 ? "alice" : AuditLog.SYSTEM, "run.start", "r-" + i, Map.of("step", i));
        }
    }

    @Test
    void anIntactLogVerifiesWithItsCountsRootAndLatestCheckpoint() {
        append(5);
        Checkpoint first = log.checkpoint();
        append(2);

        Verification v = log.verify();

        assertThat(v.ok()).isTrue();
        assertThat(v.firstBad()).isNull();
        assertThat(v).extracting(Verification::entries, Verification::checkpoints).containsExactly(7L, 1L);
        List<byte[]> leaves = log.entries(0, 100).stream().map(e -> MerkleTree.unhex(e.leafHash())).toList();
        assertThat(v.root()).isEqualTo(MerkleTree.hex(MerkleTree.root(leaves)));
        assertThat(v.latest()).isEqualTo(first);
        assertThat(first.root()).isEqualTo(MerkleTree.hex(MerkleTree.root(leaves.subList(0, 5))));
        assertThat(log.entries(0, 100)).extracting(AuditEntry::seq).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void anEditedFieldNamesItsEntry() throws Exception {
        append(5);
        log.checkpoint();
        AuditTampering.setActor(db.dataSource(), 3, "mallory");

        Verification v = log.verify();

        assertThat(v.ok()).isFalse();
        assertThat(v.firstBad().seq()).isEqualTo(3);
        assertThat(v.firstBad().problem()).startsWith("entry 3: its stored fields hash to ")
                .contains(" but its leaf hash says " + log.entry(3).orElseThrow().leafHash().substring(0, 12) + "…")
                .endsWith("; it was changed after it was written");
    }

    @Test
    void aDeletedEntryIsAGapAndSoAreSeveral() throws Exception {
        append(6);
        AuditTampering.delete(db.dataSource(), 2);

        assertThat(log.verify().firstBad()).isEqualTo(new Verification.Problem(2L, null,
                "entry 2 is missing; it was deleted after it was written"));

        AuditTampering.delete(db.dataSource(), 3);
        assertThat(log.verify().firstBad().problem())
                .isEqualTo("entries 2..3 are missing; they were deleted after they were written");
    }

    @Test
    void aRowEditedTogetherWithItsLeafHashIsCaughtByTheCheckpointRoot() throws Exception {
        append(5);
        log.checkpoint();
        AuditTampering.setActorAndLeafHash(db.dataSource(), 1, "mallory");

        assertThat(log.verify().firstBad()).isEqualTo(new Verification.Problem(0L, 0L, "checkpoint 0 at size 5: root "
                + "differs from the signed one (entries 0..4 changed: edited together with their leaf hash)"));
    }

    @Test
    void anEarlierCheckpointThatStillMatchesNarrowsTheRange() throws Exception {
        append(3);
        log.checkpoint();
        append(3);
        log.checkpoint();
        AuditTampering.setActorAndLeafHash(db.dataSource(), 4, "mallory");

        assertThat(log.verify().firstBad()).isEqualTo(new Verification.Problem(3L, 1L, "checkpoint 1 at size 6: root "
                + "differs from the signed one (entries 3..5 changed: edited together with their leaf hash; the "
                + "checkpoint at size 3 still matches)"));
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrForgedInOurNameIsReported() throws Exception {
        append(4);
        Checkpoint ours = log.checkpoint();
        KeyPair stranger = AuditTampering.strangersKey();
        String strangerId = AuditTampering.forgeCheckpoint(db.dataSource(), 1, 4, ours.root(), stranger, null);

        assertThat(log.verify().firstBad()).isEqualTo(new Verification.Problem(null, 1L, "checkpoint 1 (tree size 4): "
                + "signed by key " + strangerId + ", which is not a trusted audit key (" + ours.keyId() + "); it was "
                + "not made by this log's orchestrator"));

        AuditTampering.forgeCheckpoint(db.dataSource(), 2, 3, ours.root(), stranger, ours.keyId());
        assertThat(log.verify().firstBad()).isEqualTo(new Verification.Problem(null, 2L, "checkpoint 2 (tree size 3): "
                + "signature does not verify with key " + ours.keyId() + "; the checkpoint was changed or forged"));
    }

    @Test
    void entriesDeletedFromTheEndOfASignedLogAreNamedAndNotWrittenAgain() throws Exception {
        append(5);
        log.checkpoint();
        AuditTampering.delete(db.dataSource(), 4);
        AuditTampering.delete(db.dataSource(), 3);

        assertThat(log.verify().firstBad()).isEqualTo(new Verification.Problem(3L, 0L, "checkpoint 0 at size 5: the "
                + "log holds only 3 entries; entries 3..4 were deleted after it was signed"));

        AuditLog restarted = AuditLog.open(db.audit(), dir.resolve("keys"), new TickingClock());
        assertThat(restarted.append("alice", "halt", "", Map.of()).seq()).isEqualTo(5);
        assertThat(restarted.verify().firstBad().problem())
                .isEqualTo("entries 3..4 are missing; they were deleted after they were written");
    }

    @Test
    void noCheckpointIsSignedOverADamagedLog() throws Exception {
        append(3);
        AuditTampering.setActor(db.dataSource(), 1, "mallory");

        assertThatThrownBy(log::checkpoint).isInstanceOf(AuditException.class)
                .hasMessageStartingWith("cannot sign a checkpoint over a damaged audit log: entry 1: its stored fields "
                        + "hash to ");
        assertThat(log.checkpoints()).isEmpty();
    }

    @Test
    void everyEntryHasAnInclusionProofAgainstTheLatestCheckpoint() {
        append(7);
        Checkpoint signed = log.checkpoint();

        for (long seq = 0; seq < 7; seq++) {
            AuditEntry entry = log.entry(seq).orElseThrow();
            InclusionProof proof = log.proof(seq, OptionalLong.empty());
            assertThat(proof.checkpoint()).isEqualTo(signed);
            assertThat(proof.leafHash()).isEqualTo(entry.computedLeafHash());
            assertThat(InclusionProof.verify(seq, signed.treeSize(), entry.computedLeafHash(), proof.path(),
                    signed.root())).as("entry %d", seq).isTrue();
        }
        InclusionProof smaller = log.proof(2, OptionalLong.of(4));
        assertThat(smaller.verifies()).isTrue();
        assertThat(smaller.checkpoint()).isNull();
        assertThat(smaller.root()).isNotEqualTo(signed.root());
    }

    @Test
    void aProofForAnEntryTheTreeDoesNotHoldIsRefused() {
        append(3);
        assertThatThrownBy(() -> log.proof(0, OptionalLong.empty())).isInstanceOf(AuditException.class)
                .hasMessage("no checkpoint yet to prove against; make one (POST /api/v1/audit/checkpoints) or name a size");
        log.checkpoint();
        append(1);
        assertThatThrownBy(() -> log.proof(3, OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry 3 is not in the tree of size 3 (entries 0..2); make a newer checkpoint or name a size");
        assertThatThrownBy(() -> log.proof(0, OptionalLong.of(9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size 9: expected 1..4 (the log holds 4 entries)");
    }

    @Test
    void anEmptyLogVerifiesAndItsCheckpointSignsTheEmptyRoot() {
        Checkpoint empty = log.checkpoint();

        assertThat(empty.treeSize()).isZero();
        assertThat(empty.root()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(log.verify()).extracting(Verification::ok, Verification::entries, Verification::checkpoints)
                .containsExactly(true, 0L, 1L);
    }

    @Test
    void checkpointAtStopSignsOnlyWhenThereIsSomethingNew() {
        append(2);
        log.checkpointAtStop();
        log.checkpointAtStop();
        append(1);
        log.checkpointAtStop();

        assertThat(log.checkpoints()).extracting(Checkpoint::treeSize).containsExactly(2L, 3L);
        assertThat(log.checkpoints()).extracting(Checkpoint::seq).containsExactly(0L, 1L);
    }

    /** One millisecond per reading, so every entry has its own time and the test needs no sleep. */
    static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2025-03-01T10:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet()).plusNanos(123_456);
        }
    }
}
