package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.orchestrator.audit.AuditLog;
import io.firedrill.orchestrator.audit.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AuditStore} shows, whatever the database. */
abstract class AuditStoreContract extends StoreContract {
    private static final String HASH = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";

    private static AuditEntryRecord entry(long seq) {
        return new AuditEntryRecord(seq, NOW_IN_MICROS.plusMillis(seq), "alice", "run.start", "r-" + seq,
                "{\"n\":" + seq + "}", HASH);
    }

    @Test
    void anEmptyLogHasNothing() {
        assertThat(db.audit().lastSeq()).isEmpty();
        assertThat(db.audit().entries(0, 10)).isEmpty();
        assertThat(db.audit().entry(0)).isEmpty();
        assertThat(db.audit().latestCheckpoint()).isEmpty();
        assertThat(db.audit().checkpoints()).isEmpty();
    }

    @Test
    void anEntryReadsBackExactlyAsWrittenAfterARestart() {
        AuditEntryRecord written = new AuditEntryRecord(0, NOW_IN_MICROS, "zoë", "report.sign-off", "",
                "{\"note\":\"ünïcode ✓ 𝄞 \\\"q\\\"\\n\"}", HASH);
        db.audit().append(written);

        Database restarted = reopen();

        assertThat(restarted.audit().entry(0)).contains(written);
        assertThat(restarted.audit().lastSeq()).hasValue(0);
    }

    @Test
    void aTakenNumberIsRefusedSoTwoWritersCannotBothWriteIt() {
        db.audit().append(entry(0));

        assertThatThrownBy(() -> db.audit().append(entry(0))).isInstanceOf(DuplicateException.class)
                .hasMessage("audit entry 0 exists already");
        AuditCheckpointRecord c = new AuditCheckpointRecord(0, 1, HASH, NOW_IN_MICROS, "0123456789abcdef", "c2ln");
        db.audit().addCheckpoint(c);
        assertThatThrownBy(() -> db.audit().addCheckpoint(c)).isInstanceOf(DuplicateException.class)
                .hasMessage("audit checkpoint 0 exists already");
    }

    @Test
    void entriesComeInOrderOfNumberFromAGivenOne() {
        for (long seq : new long[] {3, 0, 9, 1, 2, 4, 5, 6, 7, 8}) {
            db.audit().append(entry(seq));
        }

        assertThat(db.audit().entries(3, 4)).extracting(AuditEntryRecord::seq).containsExactly(3L, 4L, 5L, 6L);
        assertThat(db.audit().entries(8, 100)).extracting(AuditEntryRecord::seq).containsExactly(8L, 9L);
        assertThat(db.audit().entries(10, 100)).isEmpty();
        assertThat(db.audit().lastSeq()).hasValue(9);
    }

    @Test
    void checkpointsListInOrderAndTheLatestIsTheHighestNumber() {
        for (long seq = 0; seq < 3; seq++) {
            db.audit().addCheckpoint(new AuditCheckpointRecord(seq, seq * 10, HASH, NOW_IN_MICROS.plusSeconds(seq),
                    "0123456789abcdef", "c2ln" + seq));
        }

        assertThat(db.audit().checkpoints()).extracting(AuditCheckpointRecord::treeSize).containsExactly(0L, 10L, 20L);
        assertThat(reopen().audit().latestCheckpoint()).hasValueSatisfying(c -> assertThat(c)
                .extracting(AuditCheckpointRecord::seq, AuditCheckpointRecord::at)
                .containsExactly(2L, NOW_IN_MICROS.plusSeconds(2)));
    }

    /**
     * Two orchestrators on one database, each with its own lock and its own idea of the next number: the primary key
     * sends the loser of each race to the next number, so the log still counts 0..n-1 and verifies.
     */
    @Test
    void twoOrchestratorsAppendingAtOnceKeepOneGaplessSequence() throws Exception {
        AuditLog first = AuditLog.open(db.audit(), tempDir.resolve("keys"), Clock.systemUTC());
        AuditLog second = AuditLog.open(db.audit(), tempDir.resolve("keys"), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                AuditLog log = w % 2 == 0 ? first : second;
                String actor = "writer-" + w;
                writers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.append(actor, "step.complete", "r-1", Map.of("i", i));
                    }
                    return 25L;
                });
            }
            long written = 0;
            for (Future<Long> f : pool.invokeAll(writers)) {
                written += f.get();
            }
            assertThat(written).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        first.checkpoint();

        assertThat(db.audit().entries(0, 1000)).extracting(AuditEntryRecord::seq)
                .containsExactlyElementsOf(LongStream.range(0, 200).boxed().toList());
        Verification v = second.verify();
        assertThat(v.firstBad()).isNull();
        assertThat(v).extracting(Verification::ok, Verification::entries).containsExactly(true, 200L);
    }
}
