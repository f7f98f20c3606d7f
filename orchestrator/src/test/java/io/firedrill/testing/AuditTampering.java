package io.firedrill.testing;

import io.firedrill.orchestrator.audit.AuditEntry;
import io.firedrill.orchestrator.audit.AuditKeys;
import io.firedrill.orchestrator.audit.CanonicalJson;
import io.firedrill.orchestrator.audit.Checkpoint;
import io.firedrill.orchestrator.audit.MerkleTree;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * What an attacker with write access to the database does to the audit log, in plain JDBC behind the orchestrator's
 * back: the tamper tests make these changes and expect the verifier to name them.
 */
public final class AuditTampering {
    private AuditTampering() {}

    /** Changes who did entry {@code seq}, leaving its leaf hash as it was. */
    public static void setActor(DataSource db, long seq, String actor) throws SQLException {
        update(db, "UPDATE audit_entry SET actor = ? WHERE seq = ?", actor, seq);
    }

    /** Changes who did entry {@code seq} and rewrites its leaf hash to match, as a careful attacker would. */
    public static void setActorAndLeafHash(DataSource db, long seq, String actor) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement read = c.prepareStatement(
                        "SELECT at, action, subject, details FROM audit_entry WHERE seq = ?")) {
            read.setLong(1, seq);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
                byte[] bytes = AuditEntry.canonicalBytes(seq, at, actor, rs.getString(2), rs.getString(3),
                        CanonicalJson.parseObject(rs.getString(4)));
                update(db, "UPDATE audit_entry SET actor = ?, leaf_hash = ? WHERE seq = ?", actor,
                        MerkleTree.hex(MerkleTree.leafHash(bytes)), seq);
            }
        }
    }

    public static void delete(DataSource db, long seq) throws SQLException {
        update(db, "DELETE FROM audit_entry WHERE seq = ?", seq);
    }

    /** A fresh key pair nobody trusts. */
    public static KeyPair strangersKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Inserts checkpoint {@code seq} over {@code size} entries with {@code root}, signed by {@code signer} but naming
     * key {@code claimedKeyId} (the signer's own id when null). Returns the id it names.
     */
    public static String forgeCheckpoint(DataSource db, long seq, long size, String root, KeyPair signer,
            String claimedKeyId) throws SQLException, GeneralSecurityException {
        String keyId = claimedKeyId != null ? claimedKeyId : AuditKeys.keyId(signer.getPublic());
        Instant at = Instant.parse("2025-03-01T12:00:00Z");
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(signer.getPrivate());
        s.update(Checkpoint.signedBytes(size, root, at, keyId));
        update(db, "INSERT INTO audit_checkpoint (seq, tree_size, root_hash, at, key_id, signature) "
                + "VALUES (?, ?, ?, ?, ?, ?)", seq, size, root, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC),
                keyId, Base64.getEncoder().encodeToString(s.sign()));
        return keyId;
    }

    private static void update(DataSource db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("tampering changed no row: " + sql);
            }
        }
    }
}
