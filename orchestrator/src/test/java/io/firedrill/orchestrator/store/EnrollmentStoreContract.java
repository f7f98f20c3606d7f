package io.firedrill.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EnrollmentStore} shows, whatever the database. */
abstract class EnrollmentStoreContract extends StoreContract {

    @Test
    void issuedTokenIsRandomUrlSafeAndPrefixed() {
        Enrollment enrollment = db.enrollments().issue("eu-west");

        assertThat(enrollment.region()).isEqualTo("eu-west");
        assertThat(enrollment.createdAt()).isEqualTo(NOW_IN_MICROS);
        // fdt_ + 32 bytes in unpadded URL-safe base64 (43 characters)
        assertThat(enrollment.token()).matches("fdt_[A-Za-z0-9_-]{43}");
        assertThat(db.enrollments().issue("us-east").token()).isNotEqualTo(enrollment.token());
    }

    @Test
    void issuedTokenVerifiesForItsRegionOnly() {
        String token = db.enrollments().issue("eu-west").token();
        db.enrollments().issue("us-east");

        assertThat(db.enrollments().verify("eu-west", token)).isTrue();
        assertThat(db.enrollments().verify("us-east", token)).isFalse();
        assertThat(db.enrollments().verify("ap-south", token)).isFalse();
    }

    @Test
    void wrongOrMissingTokenIsRefused() {
        String token = db.enrollments().issue("eu-west").token();

        assertThat(db.enrollments().verify("eu-west", token + "x")).isFalse();
        assertThat(db.enrollments().verify("eu-west", token.substring(4))).isFalse();
        assertThat(db.enrollments().verify("eu-west", "")).isFalse();
        assertThat(db.enrollments().verify("eu-west", null)).isFalse();
        assertThat(db.enrollments().verify(null, token)).isFalse();
    }

    @Test
    void issuingAgainRotatesTheTokenAndRefusesTheOldOne() {
        String old = db.enrollments().issue("eu-west").token();

        String rotated = db.enrollments().issue("eu-west").token();

        assertThat(rotated).isNotEqualTo(old);
        assertThat(db.enrollments().verify("eu-west", rotated)).isTrue();
        assertThat(db.enrollments().verify("eu-west", old)).isFalse();
        assertThat(db.enrollments().list()).hasSize(1);
    }

    @Test
    void revokeRefusesTheTokenAndSaysWhetherThereWasOne() {
        String token = db.enrollments().issue("eu-west").token();

        assertThat(db.enrollments().revoke("eu-west")).isTrue();
        assertThat(db.enrollments().revoke("eu-west")).isFalse();
        assertThat(db.enrollments().verify("eu-west", token)).isFalse();
        assertThat(db.enrollments().list()).isEmpty();
    }

    @Test
    void listShowsEnrollmentsByRegionWithoutTokens() {
        db.enrollments().issue("us-east");
        db.enrollments().issue("eu-west");

        assertThat(db.enrollments().list()).containsExactly(
                new Enrollment("eu-west", null, NOW_IN_MICROS), new Enrollment("us-east", null, NOW_IN_MICROS));
    }

    @Test
    void tableHoldsOnlyTheSha256OfTheToken() throws Exception {
        String token = db.enrollments().issue("eu-west").token();

        List<Map<String, Object>> rows = query("SELECT * FROM enrollment");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("token_sha256", sha256Hex(token));
        assertThat(rows.get(0).values()).allSatisfy(value -> assertThat(String.valueOf(value))
                .doesNotContain(token)
                .doesNotContain(token.substring(4)));
    }

    private static String sha256Hex(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
