package io.firedrill.orchestrator.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firedrill.agent.AgentConfig;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DbConfig;
import io.firedrill.orchestrator.store.EnrollmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentBootstrapTest {
    @TempDir
    Path dataDir;
    private Database db;
    private EnrollmentStore enrollments;
    private Path tokens;

    @BeforeEach
    void open() {
        db = Database.open(DbConfig.h2(dataDir));
        enrollments = db.enrollments();
        tokens = dataDir.resolve("tokens");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void writesATokenFileOnlyItsOwnerCanRead() throws Exception {
        List<EnrollmentBootstrap.Result> results =
                EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west", "us-east"), tokens);

        Path file = tokens.resolve("eu-west.token");
        assertThat(results).extracting(EnrollmentBootstrap.Result::action)
                .containsExactly(EnrollmentBootstrap.Action.ISSUED, EnrollmentBootstrap.Action.ISSUED);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rwx------");
        assertThat(enrollments.verify("eu-west", AgentConfig.readToken(file))).isTrue();
        assertThat(enrollments.verify("us-east", AgentConfig.readToken(tokens.resolve("us-east.token")))).isTrue();
    }

    @Test
    void leavesARegionWithFileAndEnrollmentAlone() throws Exception {
        EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west"), tokens);
        String before = Files.readString(tokens.resolve("eu-west.token"));

        List<EnrollmentBootstrap.Result> again = EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west"), tokens);

        assertThat(again).extracting(EnrollmentBootstrap.Result::action).containsExactly(EnrollmentBootstrap.Action.KEPT);
        assertThat(Files.readString(tokens.resolve("eu-west.token"))).isEqualTo(before);
        assertThat(enrollments.verify("eu-west", before.trim())).isTrue();
    }

    @Test
    void issuesAgainWhenTheFileIsGone() throws Exception {
        EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west"), tokens);
        String old = AgentConfig.readToken(tokens.resolve("eu-west.token"));
        Files.delete(tokens.resolve("eu-west.token"));

        EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west"), tokens);

        String fresh = AgentConfig.readToken(tokens.resolve("eu-west.token"));
        assertThat(enrollments.verify("eu-west", fresh)).isTrue();
        assertThat(enrollments.verify("eu-west", old)).isFalse();
    }

    @Test
    void issuesAgainWhenTheEnrollmentIsGone() throws Exception {
        EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west"), tokens);
        enrollments.revoke("eu-west");

        EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west"), tokens);

        assertThat(enrollments.verify("eu-west", AgentConfig.readToken(tokens.resolve("eu-west.token")))).isTrue();
    }

    @Test
    void rejectsAnInvalidRegionBeforeWritingAnything() {
        assertThatThrownBy(() -> EnrollmentBootstrap.ensureTokens(enrollments, List.of("eu-west", "US East"), tokens))
                .hasMessageStartingWith("field 'enroll': 'US East' is not a valid region name");
        assertThat(tokens).doesNotExist();
    }
}
