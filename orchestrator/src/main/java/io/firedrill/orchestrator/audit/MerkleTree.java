package io.firedrill.orchestrator.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * RFC 6962 §2.1 Merkle tree hashing over SHA-256: leaf hash SHA-256(0x00 || data), node hash SHA-256(0x01 || left ||
 * right), the tree of n leaves split at the largest power of two smaller than n, the empty tree SHA-256(""). The
 * different prefixes keep a leaf from passing for a node (second-preimage attacks); the split makes every tree an
 * extension of each smaller one, which is what lets one signed root vouch for every entry below it. Functions over
 * leaf hashes, not over data: the log stores leaf hashes.
 */
public final class MerkleTree {
    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {}

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest d = sha256();
        d.update((byte) 0x00);
        return d.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 0x01);
        d.update(left);
        return d.digest(right);
    }

    /** MTH(D[n]) of the tree whose leaves have these hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : root(leafHashes, 0, leafHashes.size());
    }

    private static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** The largest power of two smaller than {@code n} (n at least 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /**
     * PATH(m, D[n]) of RFC 6962 §2.1.1: the sibling hashes from leaf {@code index} up to the root of the tree of
     * {@code leafHashes}, nearest first.
     */
    public static List<byte[]> inclusionPath(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, leafHashes.size(), path);
        return path;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** The root an inclusion path leads to, or null when the path cannot belong to such a tree (RFC 9162 §2.1.3.2). */
    public static byte[] rootFromInclusionPath(long index, long size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether {@code path} proves that leaf {@code index} with {@code leafHash} is in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        byte[] computed = rootFromInclusionPath(index, size, leafHash, path);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Hex to bytes; an {@link IllegalArgumentException} unless it is exactly 64 hex digits (a SHA-256). */
    public static byte[] unhex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("'" + hex + "' is not a SHA-256 hash (64 hex digits)");
        }
        return HEX.parseHex(hex);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
