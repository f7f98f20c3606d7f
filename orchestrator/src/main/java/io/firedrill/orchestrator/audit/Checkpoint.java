package io.firedrill.orchestrator.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed tree head: the log's first {@code treeSize} entries have the Merkle root {@code root}, said at
 * {@code time} by the holder of key {@code keyId}. Whoever has the public key can check it without trusting the
 * database, and from then on no entry below {@code treeSize} can change unnoticed.
 *
 * @param seq       its number among the checkpoints: 0, 1, 2, ...
 * @param treeSize  how many entries it covers (entries 0 .. treeSize-1)
 * @param root      hex Merkle tree hash of those entries
 * @param time      when it was made, to the microsecond
 * @param keyId     first 16 hex digits of the SHA-256 of the signing key's DER SubjectPublicKeyInfo
 * @param signature base64 Ed25519 signature over {@link #signedBytes()}
 */
public record Checkpoint(long seq, long treeSize, String root, Instant time, String keyId, String signature) {

    /** Tells a checkpoint's bytes from anything else the key might ever sign. */
    public static final String TYPE = "firedrill-audit-checkpoint";

    /**
     * The bytes the signature covers: UTF-8 of
     * {@code {"keyId":"..","root":"..","size":N,"time":"YYYY-MM-DDTHH:MM:SS.ffffffZ","type":"firedrill-audit-checkpoint"}},
     * keys sorted, no whitespace. The checkpoint's own number is not signed: it only orders the rows.
     */
    public static byte[] signedBytes(long treeSize, String root, Instant time, String keyId) {
        StringBuilder out = new StringBuilder(160);
        out.append("{\"keyId\":");
        CanonicalJson.string(keyId, "keyId", out);
        out.append(",\"root\":");
        CanonicalJson.string(root, "root", out);
        out.append(",\"size\":").append(treeSize);
        out.append(",\"time\":\"").append(CanonicalJson.time(time)).append('"');
        out.append(",\"type\":\"").append(TYPE).append("\"}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(treeSize, root, time, keyId);
    }

    /** For reports: {@code tree size N, root <hex>, signed <time> by key <id>: <signature base64>}. */
    public String printable() {
        return "tree size " + treeSize + ", root " + root + ", signed " + CanonicalJson.time(time) + " by key " + keyId
                + ": " + signature;
    }
}
