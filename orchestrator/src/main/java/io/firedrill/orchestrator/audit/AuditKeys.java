package io.firedrill.orchestrator.audit;

import io.firedrill.orchestrator.agents.EnrollmentBootstrap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key pair that signs checkpoints: made on first start, the private key in
 * {@code <keys>/audit-ed25519.key} (PKCS#8 PEM, 600, directory 700), the public key next to it in
 * {@code audit-ed25519.pub} (X.509 SubjectPublicKeyInfo PEM), both readable by openssl. A key is named by its key id,
 * the first 16 hex digits of the SHA-256 of its DER SubjectPublicKeyInfo.
 */
public final class AuditKeys {
    public static final String PRIVATE_FILE = "audit-ed25519.key";
    public static final String PUBLIC_FILE = "audit-ed25519.pub";
    private static final String ALGORITHM = "Ed25519";
    private static final Logger LOG = LoggerFactory.getLogger(AuditKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Reads the pair from {@code dir}, or makes and writes one when there is none. Blocking. */
    public static AuditKeys loadOrCreate(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (!Files.exists(privateFile)) {
            return create(dir, privateFile, publicFile);
        }
        if (!Files.exists(publicFile)) {
            throw new IOException(publicFile + " is missing next to " + privateFile + "; restore it (openssl pkey -in "
                    + privateFile + " -pubout -out " + publicFile + ")");
        }
        AuditKeys keys = new AuditKeys(readPrivateKey(privateFile), readPublicKey(publicFile));
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        if (!verify(keys.publicKey, probe, keys.sign(probe))) {
            throw new IOException(publicFile + " is not the public key of " + privateFile
                    + "; restore the matching pair, or regenerate the public key with openssl pkey -pubout");
        }
        return keys;
    }

    private static AuditKeys create(Path dir, Path privateFile, Path publicFile) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15+ has)", e);
        }
        EnrollmentBootstrap.createPrivateDirectory(dir);
        EnrollmentBootstrap.writePrivate(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()).strip());
        Files.writeString(publicFile, pem(pair.getPublic()), StandardCharsets.US_ASCII);
        AuditKeys keys = new AuditKeys(pair.getPrivate(), pair.getPublic());
        LOG.info("first start: made the audit log's signing key {} ({}; public key in {})", keys.keyId(),
                privateFile.toAbsolutePath(), publicFile.toAbsolutePath());
        return keys;
    }

    /** An X.509 PEM public key file, as written to {@value #PUBLIC_FILE} or by {@code openssl pkey -pubout}. */
    public static PublicKey readPublicKey(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not an Ed25519 public key (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not an Ed25519 private key (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] der(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM file with a " + label + " (expected " + begin + " ... " + end + ")");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the PEM body is not base64 (" + e.getMessage() + ")", e);
        }
    }

    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** SHA-256 of the DER SubjectPublicKeyInfo, in hex: what {@code openssl pkey -pubin -outform DER | sha256sum} shows. */
    public static String fingerprint(PublicKey key) {
        return MerkleTree.hex(MerkleTree.sha256().digest(key.getEncoded()));
    }

    /** The first 16 hex digits of the fingerprint: how checkpoints name the key that signed them. */
    public static String keyId(PublicKey key) {
        return fingerprint(key).substring(0, 16);
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature or a key of another kind proves nothing either
        }
    }

    byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the audit key", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId(publicKey);
    }

    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public String publicKeyPem() {
        return pem(publicKey);
    }
}
