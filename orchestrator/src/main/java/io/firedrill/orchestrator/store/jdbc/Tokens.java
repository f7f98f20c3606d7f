package io.firedrill.orchestrator.store.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Agent tokens: 256 random bits, shown once; only their SHA-256 is kept. */
final class Tokens {

    /** Makes a token recognisable in logs, configs and secret scanners. */
    static final String PREFIX = "fdt_";
    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** {@code fdt_} + 32 random bytes, URL-safe base64 without padding (47 characters in all). */
    String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** Constant-time comparison, so response times do not reveal how much of a guess was right. */
    static boolean matches(String storedSha256Hex, String token) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(storedSha256Hex), sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
