package io.firedrill.orchestrator.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.store.AuditCheckpointRecord;
import io.firedrill.orchestrator.store.AuditEntryRecord;
import io.firedrill.orchestrator.store.AuditStore;
import io.firedrill.orchestrator.store.DuplicateException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tamper-evident audit log: {@link #append} writes numbered entries, {@link #checkpoint} signs the Merkle root
 * over all of them, {@link #verify} recomputes everything, {@link #proof} shows one entry is under a signed root.
 * One writer at a time: a lock here, and across orchestrators the primary key on the entry number (a lost race takes
 * the next number). Blocking: call from a worker, never from an event loop.
 */
public final class AuditLog {
    /** The actor of what the orchestrator does on its own. */
    public static final String SYSTEM = "system";
    static final int MAX_ATTEMPTS = 1000;
    private static final int PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditStore store;
    private final AuditKeys keys;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    /** The number the next append tries; -1 until the first. Guarded by {@link #lock}. */
    private long next = -1;
    /** The tree over the entries whose leaf hashes a checkpoint already rechecked. Guarded by {@link #lock}. */
    private MerkleFrontier checked = new MerkleFrontier();

    public AuditLog(AuditStore store, AuditKeys keys, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    /** The log on {@code store}, signing with the key pair in {@code keysDir} (made there on first start). */
    public static AuditLog open(AuditStore store, Path keysDir, Clock clock) throws IOException {
        return new AuditLog(store, AuditKeys.loadOrCreate(keysDir), clock);
    }

    /** Appends one entry; {@code details} holds JSON values only (strings, whole numbers, booleans, lists, maps). */
    public AuditEntry append(String actor, String action, String subject, Map<String, ?> details) {
        return append(actor, action, subject, CanonicalJson.details(details));
    }

    public AuditEntry append(String actor, String action, String subject, ObjectNode details) {
        AuditEntry.check(actor, action, subject);
        ObjectNode copy = details == null ? JsonNodeFactory.instance.objectNode() : details.deepCopy();
        String text = CanonicalJson.write(copy);
        if (text.length() > AuditEntry.MAX_DETAILS) {
            throw new IllegalArgumentException("details are " + text.length() + " characters of JSON; at most "
                    + AuditEntry.MAX_DETAILS + " allowed (keep them small: the entry is evidence, not the data)");
        }
        lock.lock();
        try {
            if (next < 0) {
                next = firstFreeNumber();
            }
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                long seq = next;
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                String leaf = MerkleTree.hex(MerkleTree.leafHash(
                        AuditEntry.canonicalBytes(seq, now, actor, action, subject, copy)));
                try {
                    store.append(new AuditEntryRecord(seq, now, actor, action, subject, text, leaf));
                    next = seq + 1;
                    return new AuditEntry(seq, now, actor, action, subject, copy, leaf);
                } catch (DuplicateException taken) {
                    next = Math.max(seq + 1, store.lastSeq().orElse(-1) + 1); // another orchestrator wrote it
                }
            }
            throw new AuditException("could not append " + action + " by " + actor + ": " + MAX_ATTEMPTS
                    + " numbers in a row were taken by other writers");
        } finally {
            lock.unlock();
        }
    }

    /**
     * After the highest entry, and never below the latest checkpoint's size: entries deleted from the end of a
     * signed log then show as a gap instead of being quietly written again.
     */
    private long firstFreeNumber() {
        long afterLast = store.lastSeq().orElse(-1) + 1;
        return Math.max(afterLast, store.latestCheckpoint().map(AuditCheckpointRecord::treeSize).orElse(0L));
    }

    /**
     * Signs the tree over every entry written so far. Refuses (an {@link AuditException} naming the first problem)
     * when an entry not yet covered no longer matches its leaf hash, a number is missing, or an earlier checkpoint's
     * root no longer matches: signing then would vouch for the damage.
     */
    public Checkpoint checkpoint() {
        lock.lock();
        try {
            MerkleFrontier tree = extend(checked.copy());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String root = MerkleTree.hex(tree.root());
            String signature = Base64.getEncoder().encodeToString(
                    keys.sign(Checkpoint.signedBytes(tree.size(), root, now, keys.keyId())));
            long seq = store.latestCheckpoint().map(c -> c.seq() + 1).orElse(0L);
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                try {
                    store.addCheckpoint(new AuditCheckpointRecord(seq, tree.size(), root, now, keys.keyId(), signature));
                    checked = tree;
                    Checkpoint made = new Checkpoint(seq, tree.size(), root, now, keys.keyId(), signature);
                    LOG.info("audit checkpoint {}: {}", seq, made.printable());
                    return made;
                } catch (DuplicateException taken) {
                    seq = store.latestCheckpoint().map(c -> c.seq() + 1).orElse(seq + 1);
                }
            }
            throw new AuditException("could not store a checkpoint: " + MAX_ATTEMPTS + " numbers in a row were taken");
        } finally {
            lock.unlock();
        }
    }

    /** Grows {@code tree} over the entries it does not cover yet, rechecking each and every checkpoint passed. */
    private MerkleFrontier extend(MerkleFrontier tree) {
        Deque<AuditCheckpointRecord> ahead = new ArrayDeque<>(store.checkpoints().stream()
                .filter(c -> c.treeSize() > tree.size())
                .sorted(Comparator.comparingLong(AuditCheckpointRecord::treeSize)).toList());
        for (List<AuditEntryRecord> page = store.entries(tree.size(), PAGE); !page.isEmpty();
                page = store.entries(tree.size(), PAGE)) {
            for (AuditEntryRecord e : page) {
                if (e.seq() != tree.size()) {
                    throw damaged("entry " + tree.size() + " is missing");
                }
                Optional<String> problem = AuditVerifier.entryProblem(e);
                if (problem.isPresent()) {
                    throw damaged(problem.get());
                }
                tree.append(MerkleTree.unhex(e.leafHash()));
                while (!ahead.isEmpty() && ahead.peekFirst().treeSize() == tree.size()) {
                    AuditCheckpointRecord c = ahead.pollFirst();
                    if (!c.rootHash().equals(MerkleTree.hex(tree.root()))) {
                        throw damaged("checkpoint " + c.seq() + " at size " + c.treeSize() + " no longer matches");
                    }
                }
            }
        }
        return tree;
    }

    private static AuditException damaged(String problem) {
        return new AuditException("cannot sign a checkpoint over a damaged audit log: " + problem
                + " (GET /api/v1/audit/verify or firedrill audit verify says more)");
    }

    /** Makes a checkpoint unless the latest one already covers every entry; logs instead of throwing (shutdown). */
    public void checkpointAtStop() {
        try {
            long size = size();
            Optional<Checkpoint> latest = latestCheckpoint();
            if (latest.isPresent() && latest.get().treeSize() == size) {
                return;
            }
            checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("no audit checkpoint at stop: {}", e.getMessage());
        }
    }

    /**
     * The proof that entry {@code seq} is in the tree of {@code size} entries; without a size, in the tree of the
     * latest checkpoint. An {@link IllegalArgumentException} for a size the log cannot answer for, an
     * {@link AuditException} when there is no checkpoint to prove against or the log is damaged.
     */
    public InclusionProof proof(long seq, OptionalLong size) {
        long logSize = size();
        long treeSize;
        if (size.isPresent()) {
            treeSize = size.getAsLong();
            if (treeSize < 1 || treeSize > logSize) {
                throw new IllegalArgumentException("size " + treeSize + ": expected 1.." + logSize + " (the log holds "
                        + logSize + " entries)");
            }
        } else {
            treeSize = latestCheckpoint().map(Checkpoint::treeSize).orElseThrow(() -> new AuditException(
                    "no checkpoint yet to prove against; make one (POST /api/v1/audit/checkpoints) or name a size"));
        }
        if (seq < 0 || seq >= treeSize) {
            throw new IllegalArgumentException("entry " + seq + " is not in the tree of size " + treeSize + " (entries 0.."
                    + (treeSize - 1) + ")" + (size.isPresent() ? "" : "; make a newer checkpoint or name a size"));
        }
        List<byte[]> leaves = new ArrayList<>();
        for (List<AuditEntryRecord> page = store.entries(0, PAGE); !page.isEmpty() && leaves.size() < treeSize;
                page = store.entries(leaves.size(), PAGE)) {
            for (AuditEntryRecord e : page) {
                if (leaves.size() == treeSize) {
                    break;
                }
                if (e.seq() != leaves.size()) {
                    throw new AuditException("entry " + leaves.size() + " is missing; GET /api/v1/audit/verify says more");
                }
                leaves.add(MerkleTree.unhex(e.leafHash()));
            }
        }
        if (leaves.size() < treeSize) {
            throw new AuditException("the log holds only " + leaves.size() + " entries, fewer than the tree of size "
                    + treeSize + "; GET /api/v1/audit/verify says more");
        }
        List<String> path = MerkleTree.inclusionPath(leaves, (int) seq).stream().map(MerkleTree::hex).toList();
        Checkpoint signed = checkpoints().stream().filter(c -> c.treeSize() == treeSize)
                .reduce((first, second) -> second).orElse(null);
        return new InclusionProof(seq, treeSize, MerkleTree.hex(leaves.get((int) seq)), path,
                MerkleTree.hex(MerkleTree.root(leaves)), signed);
    }

    /** Recomputes everything, trusting only this orchestrator's key. */
    public Verification verify() {
        return new AuditVerifier(store, List.of(keys.publicKey())).verify();
    }

    /** How many entries there are (the highest number plus one). */
    public long size() {
        return store.lastSeq().orElse(-1) + 1;
    }

    public Optional<AuditEntry> entry(long seq) {
        return store.entry(seq).map(AuditLog::entry);
    }

    /** Entries numbered {@code from} or more, oldest first, at most {@code limit}. */
    public List<AuditEntry> entries(long from, int limit) {
        return store.entries(from, limit).stream().map(AuditLog::entry).toList();
    }

    public List<Checkpoint> checkpoints() {
        return store.checkpoints().stream().map(AuditVerifier::checkpoint).toList();
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return store.latestCheckpoint().map(AuditVerifier::checkpoint);
    }

    /** The signing key: its PEM, key id and full fingerprint go into reports. */
    public AuditKeys keys() {
        return keys;
    }

    private static AuditEntry entry(AuditEntryRecord r) {
        ObjectNode details;
        try {
            details = CanonicalJson.parseObject(r.details());
        } catch (IllegalArgumentException e) {
            // only a row edited behind our back gets here; show what it holds rather than fail the read
            details = JsonNodeFactory.instance.objectNode().put("unreadable", r.details());
        }
        return new AuditEntry(r.seq(), r.at(), r.actor(), r.action(), r.subject(), details, r.leafHash());
    }
}
