package io.firedrill.orchestrator.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree grown one leaf at a time that knows its root at every size, keeping only the roots of its complete
 * subtrees (one per bit of the size). The RFC 6962 tree of n leaves is those subtrees, largest first, joined from the
 * right, so the root at any size costs O(log n) instead of rehashing every leaf: the verifier checks each checkpoint
 * on the way through the log in one pass.
 */
final class MerkleFrontier {
    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> heights = new ArrayList<>();
    private long size;

    MerkleFrontier() {}

    private MerkleFrontier(MerkleFrontier other) {
        hashes.addAll(other.hashes);
        heights.addAll(other.heights);
        size = other.size;
    }

    MerkleFrontier copy() {
        return new MerkleFrontier(this);
    }

    void append(byte[] leafHash) {
        hashes.add(leafHash);
        heights.add(0);
        size++;
        int last = hashes.size() - 1;
        while (last > 0 && heights.get(last).equals(heights.get(last - 1))) {
            byte[] joined = MerkleTree.nodeHash(hashes.get(last - 1), hashes.get(last));
            int height = heights.get(last) + 1;
            hashes.remove(last);
            heights.remove(last);
            hashes.set(last - 1, joined);
            heights.set(last - 1, height);
            last--;
        }
    }

    long size() {
        return size;
    }

    byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] r = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            r = MerkleTree.nodeHash(hashes.get(i), r);
        }
        return r;
    }
}
