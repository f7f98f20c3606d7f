package io.firedrill.orchestrator.audit;

import java.util.List;

/**
 * An RFC 6962 inclusion proof: entry {@code seq}, whose leaf hash is {@code leafHash}, is in the tree of the first
 * {@code treeSize} entries, whose root is {@code root}. An auditor recomputes the leaf hash from the entry, folds the
 * path into a root ({@link #verify}) and compares it with a signed checkpoint of that size ({@code checkpoint}, when
 * one exists): then the entry is exactly as it was when that checkpoint was signed.
 *
 * @param path sibling hashes in hex, nearest the leaf first
 */
public record InclusionProof(long seq, long treeSize, String leafHash, List<String> path, String root,
        Checkpoint checkpoint) {

    /** Whether the path leads from the leaf hash to the root. */
    public boolean verifies() {
        return verify(seq, treeSize, leafHash, path, root);
    }

    /** The check an auditor runs (RFC 9162 §2.1.3.2); false for anything malformed. */
    public static boolean verify(long seq, long treeSize, String leafHash, List<String> path, String root) {
        try {
            return MerkleTree.verifyInclusion(seq, treeSize, MerkleTree.unhex(leafHash),
                    path.stream().map(MerkleTree::unhex).toList(), MerkleTree.unhex(root));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
