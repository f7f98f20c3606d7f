package io.firedrill.orchestrator.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.store.AuditCheckpointRecord;
import io.firedrill.orchestrator.store.AuditEntryRecord;
import io.firedrill.orchestrator.store.AuditStore;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes the audit log from what the database holds and names the first thing that does not add up, in log
 * order: each entry's leaf hash from its stored fields (an edited row), the numbers 0..n-1 (a deleted row), each
 * checkpoint's signature with a trusted key (a forged or edited checkpoint) and the tree root at each checkpoint's
 * size (a row edited together with its leaf hash, which no per-row check can see). One pass over the entries; the
 * checkpoints are checked when the pass reaches their size. Blocking.
 */
public final class AuditVerifier {
    private static final int PAGE = 1000;
    private static final int SHORT = 12;

    private final AuditStore store;
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

    /** {@code trustedKeys}: the public keys whose checkpoints count; anything signed by another key is reported. */
    public AuditVerifier(AuditStore store, Collection<PublicKey> trustedKeys) {
        this.store = store;
        trustedKeys.forEach(k -> trusted.put(AuditKeys.keyId(k), k));
    }

    public Verification verify() {
        List<AuditCheckpointRecord> all = store.checkpoints();
        Checkpoint latest = all.isEmpty() ? null : checkpoint(all.get(all.size() - 1));
        Deque<AuditCheckpointRecord> pending = new ArrayDeque<>(all.stream()
                .sorted(Comparator.comparingLong(AuditCheckpointRecord::treeSize)
                        .thenComparingLong(AuditCheckpointRecord::seq)).toList());
        MerkleFrontier tree = new MerkleFrontier();
        long[] lastGoodSize = {0};
        long expected = 0;
        for (List<AuditEntryRecord> page = store.entries(0, PAGE); !page.isEmpty();
                page = store.entries(expected, PAGE)) {
            for (AuditEntryRecord entry : page) {
                Optional<Verification.Problem> problem = checkpointsAt(expected, pending, tree, lastGoodSize);
                if (problem.isEmpty() && entry.seq() != expected) {
                    problem = Optional.of(new Verification.Problem(expected, null, missing(expected, entry.seq())));
                }
                if (problem.isEmpty()) {
                    problem = entryProblem(entry).map(p -> new Verification.Problem(entry.seq(), null, p));
                }
                if (problem.isPresent()) {
                    return Verification.bad(expected, all.size(), latest, problem.get());
                }
                tree.append(MerkleTree.unhex(entry.leafHash()));
                expected++;
            }
        }
        Optional<Verification.Problem> problem = checkpointsAt(expected, pending, tree, lastGoodSize);
        if (problem.isEmpty() && !pending.isEmpty()) {
            AuditCheckpointRecord c = pending.peekFirst();
            problem = Optional.of(new Verification.Problem(expected, c.seq(), "checkpoint " + c.seq() + " at size "
                    + c.treeSize() + ": the log holds only " + expected + " entries; " + entries(expected, c.treeSize())
                    + (c.treeSize() - expected == 1 ? " was" : " were") + " deleted after it was signed"));
        }
        if (problem.isEmpty()) {
            problem = missingCheckpoint(all);
        }
        return problem.map(p -> Verification.bad(tree.size(), all.size(), latest, p))
                .orElseGet(() -> Verification.good(tree.size(), all.size(), MerkleTree.hex(tree.root()), latest));
    }

    /** Checks every checkpoint of this size against the tree grown so far. */
    private Optional<Verification.Problem> checkpointsAt(long size, Deque<AuditCheckpointRecord> pending,
            MerkleFrontier tree, long[] lastGoodSize) {
        while (!pending.isEmpty() && pending.peekFirst().treeSize() == size) {
            AuditCheckpointRecord c = pending.pollFirst();
            Optional<String> signature = signatureProblem(c);
            if (signature.isPresent()) {
                return Optional.of(new Verification.Problem(null, c.seq(), signature.get()));
            }
            if (!MerkleTree.hex(tree.root()).equals(c.rootHash())) {
                long from = lastGoodSize[0];
                return Optional.of(new Verification.Problem(from, c.seq(), "checkpoint " + c.seq() + " at size " + size
                        + ": root differs from the signed one (" + entries(from, size) + " changed: edited together "
                        + "with " + (size - from == 1 ? "its" : "their") + " leaf hash"
                        + (from == 0 ? "" : "; the checkpoint at size " + from + " still matches") + ")"));
            }
            lastGoodSize[0] = size;
        }
        return Optional.empty();
    }

    private Optional<String> signatureProblem(AuditCheckpointRecord c) {
        PublicKey key = trusted.get(c.keyId());
        String named = "checkpoint " + c.seq() + " (tree size " + c.treeSize() + ")";
        if (key == null) {
            return Optional.of(named + ": signed by key " + c.keyId() + ", which is not a trusted audit key ("
                    + String.join(", ", trusted.keySet()) + "); it was not made by this log's orchestrator");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(c.signature());
        } catch (IllegalArgumentException e) {
            signature = new byte[0];
        }
        if (!AuditKeys.verify(key, Checkpoint.signedBytes(c.treeSize(), c.rootHash(), c.at(), c.keyId()), signature)) {
            return Optional.of(named + ": signature does not verify with key " + c.keyId()
                    + "; the checkpoint was changed or forged");
        }
        return Optional.empty();
    }

    /** Why a stored entry no longer matches its leaf hash; empty when it does. Shared with the signer. */
    static Optional<String> entryProblem(AuditEntryRecord e) {
        String said = "entry " + e.seq() + ": ";
        if (e.leafHash() == null || !e.leafHash().matches("[0-9a-f]{64}")) {
            return Optional.of(said + "its leaf hash '" + e.leafHash() + "' is not a SHA-256 hash; it was changed "
                    + "after it was written");
        }
        String computed;
        try {
            ObjectNode details = CanonicalJson.parseObject(e.details());
            computed = MerkleTree.hex(MerkleTree.leafHash(AuditEntry.canonicalBytes(e.seq(), e.at(), e.actor(),
                    e.action(), e.subject(), details)));
        } catch (RuntimeException bad) {
            return Optional.of(said + "its stored fields cannot be encoded (" + bad.getMessage() + "); it was changed "
                    + "after it was written");
        }
        if (!computed.equals(e.leafHash())) {
            return Optional.of(said + "its stored fields hash to " + abbreviate(computed) + " but its leaf hash says "
                    + abbreviate(e.leafHash()) + "; it was changed after it was written");
        }
        return Optional.empty();
    }

    private static Optional<Verification.Problem> missingCheckpoint(List<AuditCheckpointRecord> all) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).seq() != i) {
                return Optional.of(new Verification.Problem(null, (long) i, "checkpoint " + i
                        + " is missing; it was deleted after it was signed"));
            }
        }
        return Optional.empty();
    }

    private static String missing(long expected, long found) {
        return found == expected + 1 ? "entry " + expected + " is missing; it was deleted after it was written"
                : "entries " + expected + ".." + (found - 1) + " are missing; they were deleted after they were written";
    }

    /** Entries {@code from} up to, not including, {@code to}. */
    private static String entries(long from, long to) {
        return to - from == 1 ? "entry " + from : "entries " + from + ".." + (to - 1);
    }

    static String abbreviate(String hex) {
        return hex.length() <= SHORT ? hex : hex.substring(0, SHORT) + "…";
    }

    static Checkpoint checkpoint(AuditCheckpointRecord r) {
        return new Checkpoint(r.seq(), r.treeSize(), r.rootHash(), r.at(), r.keyId(), r.signature());
    }
}
