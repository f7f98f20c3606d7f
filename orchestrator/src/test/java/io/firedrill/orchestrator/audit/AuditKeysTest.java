package io.firedrill.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key is made once, kept private, and survives restarts; a broken pair stops the start with a fix. */
class AuditKeysTest {
    @TempDir
    Path dir;

    @Test
    void aFirstStartMakesAPrivateKeyOnlyItsOwnerReadsAndAPublicPem() throws IOException {
        Path keys = dir.resolve("keys");
        AuditKeys made = AuditKeys.loadOrCreate(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        Path privateFile = keys.resolve(AuditKeys.PRIVATE_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        String pem = Files.readString(keys.resolve(AuditKeys.PUBLIC_FILE));
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n")
                .isEqualTo(made.publicKeyPem());
        assertThat(made.keyId()).hasSize(16).isEqualTo(made.fingerprint().substring(0, 16));
        assertThat(made.fingerprint()).matches("[0-9a-f]{64}");
    }

    @Test
    void aRestartSignsWithTheSameKey() throws IOException {
        AuditKeys first = AuditKeys.loadOrCreate(dir);
        AuditKeys again = AuditKeys.loadOrCreate(dir);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        assertThat(AuditKeys.verify(first.publicKey(), message, again.sign(message))).isTrue();
        assertThat(AuditKeys.readPublicKey(dir.resolve(AuditKeys.PUBLIC_FILE))).isEqualTo(first.publicKey());
    }

    @Test
    void aPublicKeyThatIsNotThePrivateKeysStopsTheStart() throws IOException {
        AuditKeys.loadOrCreate(dir);
        Path other = dir.resolve("other");
        AuditKeys.loadOrCreate(other);
        Files.copy(other.resolve(AuditKeys.PUBLIC_FILE), dir.resolve(AuditKeys.PUBLIC_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> AuditKeys.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessage(dir.resolve(AuditKeys.PUBLIC_FILE) + " is not the public key of "
                        + dir.resolve(AuditKeys.PRIVATE_FILE) + "; restore the matching pair, or regenerate the public "
                        + "key with openssl pkey -pubout");
    }

    @Test
    void aMissingPublicKeySaysHowToRestoreIt() throws IOException {
        AuditKeys.loadOrCreate(dir);
        Files.delete(dir.resolve(AuditKeys.PUBLIC_FILE));

        assertThatThrownBy(() -> AuditKeys.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("audit-ed25519.pub is missing next to").hasMessageContaining("openssl pkey -in");
    }
}
