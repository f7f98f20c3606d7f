package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.cli.FiredrillCliTest;
import io.firedrill.orchestrator.audit.AuditKeys;
import io.firedrill.orchestrator.audit.AuditLog;
import io.firedrill.orchestrator.server.OrchestratorServer;
import io.firedrill.orchestrator.server.ServerConfig;
import io.firedrill.testing.AuditTampering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper test: a real orchestrator writes and signs its audit log, someone edits the database behind its back,
 * and both the API (orchestrator running) and {@code firedrill audit verify} (orchestrator stopped, database opened
 * directly) name the first bad entry. One orchestrator per test, because the CLI needs it stopped.
 */
class AuditTamperTest {
    /** Entries written before the checkpoint; what they are matters less than that people see them. */
    private static final int ENTRIES = 6;

    @TempDir
    Path dataDir;
    OrchestratorServer server;
    ApiClient api;
    JsonNode checkpoint;

    @BeforeEach
    void runAnOrchestratorThatLogsAndSigns() throws Exception {
        server = OrchestratorServer.start(ServerConfig.defaults(dataDir).withPort(0));
        api = new ApiClient(server.baseUrl(), server.adminTokenFile());
        // Each change through the API is logged by the orchestrator itself, just after it answered.
        assertThat(api.post("/api/v1/users", "application/json", "{\"name\":\"alice\",\"role\":\"operator\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/users", "application/json", "{\"name\":\"bob\",\"role\":\"approver\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/halt?reason=drill", null, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/halt/resume", null, "").status()).isEqualTo(200);
        org.awaitility.Awaitility.await("the four API changes logged").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> server.audit().size() == 4);
        server.audit().append("alice", "run.start", "r-1", Map.of("experiment", "region-blackout"));
        server.audit().append(AuditLog.SYSTEM, "fault.inject", "r-1", Map.of("fault", "region-blackout",
                "region", "eu-west"));
        ApiClient.Reply made = api.post("/api/v1/audit/checkpoints", null, "");
        assertThat(made.status()).isEqualTo(201);
        checkpoint = made.json();
        assertThat(checkpoint.path("treeSize").asLong()).isEqualTo(ENTRIES);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private DataSource database() {
        return server.database().dataSource();
    }

    /** Verification through the running orchestrator. */
    private JsonNode verifyThroughTheApi() {
        ApiClient.Reply r = api.get("/api/v1/audit/verify");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    /** Verification from the database directly, after the orchestrator stopped. */
    private FiredrillCliTest.Result verifyWithTheCli() {
        server.close();
        server = null;
        return FiredrillCliTest.run("audit", "verify", "--data-dir", dataDir.toString());
    }

    @Test
    void anUntouchedLogVerifiesAndAnOrderlyStopSignsWhatCameAfterTheLastCheckpoint() {
        JsonNode ok = verifyThroughTheApi();
        assertThat(ok.path("ok").asBoolean()).isTrue();
        assertThat(ok.path("entries").asLong()).isEqualTo(ENTRIES);
        assertThat(ok.path("checkpoints").asLong()).isEqualTo(1);
        server.audit().append(AuditLog.SYSTEM, "fault.revert", "r-1", Map.of("fault", "region-blackout"));

        FiredrillCliTest.Result r = verifyWithTheCli();

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("audit log OK: 7 entries, 2 checkpoints, root ")
                .contains("latest checkpoint: tree size 7, root ")
                .contains("trusted key " + checkpoint.path("keyId").asText());
    }

    @Test
    void anEditedActorIsTheFirstBadEntryForTheApiAndTheCli() throws Exception {
        AuditTampering.setActor(database(), 3, "mallory");

        JsonNode bad = verifyThroughTheApi();
        assertThat(bad.path("ok").asBoolean()).isFalse();
        assertThat(bad.path("firstBad").path("seq").asLong()).isEqualTo(3);
        String problem = bad.path("firstBad").path("problem").asText();
        assertThat(problem).startsWith("entry 3: its stored fields hash to ")
                .endsWith("; it was changed after it was written");
        assertThat(api.post("/api/v1/audit/checkpoints", null, "").status()).isEqualTo(201); // entry 3 was signed already

        FiredrillCliTest.Result r = verifyWithTheCli();

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("audit log TAMPERED: " + problem + System.lineSeparator())
                .contains("first bad: entry 3; 3 entries and 2 checkpoints read");
    }

    @Test
    void aDeletedEntryIsAGapForTheApiAndTheCli() throws Exception {
        AuditTampering.delete(database(), 2);

        JsonNode bad = verifyThroughTheApi().path("firstBad");
        assertThat(bad.path("seq").asLong()).isEqualTo(2);
        assertThat(bad.path("problem").asText()).isEqualTo("entry 2 is missing; it was deleted after it was written");

        FiredrillCliTest.Result r = verifyWithTheCli();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("audit log TAMPERED: entry 2 is missing; it was deleted after it was written");
    }

    @Test
    void aRowEditedTogetherWithItsLeafHashIsCaughtByTheCheckpointRoot() throws Exception {
        AuditTampering.setActorAndLeafHash(database(), 4, "mallory");
        String problem = "checkpoint 0 at size 6: root differs from the signed one (entries 0..5 changed: edited "
                + "together with their leaf hash)";

        JsonNode bad = verifyThroughTheApi().path("firstBad");
        assertThat(bad.path("problem").asText()).isEqualTo(problem);
        assertThat(bad.path("checkpoint").asLong()).isZero();
        // the orchestrator goes on signing the tree it saw written, not the edited one
        ApiClient.Reply again = api.post("/api/v1/audit/checkpoints", null, "");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("root").asText()).isEqualTo(checkpoint.path("root").asText());

        FiredrillCliTest.Result r = verifyWithTheCli();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("audit log TAMPERED: " + problem);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsReportedByTheApiAndTheCli() throws Exception {
        String stranger = AuditTampering.forgeCheckpoint(database(), 1, ENTRIES, checkpoint.path("root").asText(),
                AuditTampering.strangersKey(), null);
        String problem = "checkpoint 1 (tree size 6): signed by key " + stranger + ", which is not a trusted audit key ("
                + checkpoint.path("keyId").asText() + "); it was not made by this log's orchestrator";

        assertThat(verifyThroughTheApi().path("firstBad").path("problem").asText()).isEqualTo(problem);

        FiredrillCliTest.Result r = verifyWithTheCli();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("audit log TAMPERED: " + problem)
                .contains("first bad: checkpoint 1;");
    }

    @Test
    void theCliTrustsOnlyTheKeysItIsGiven() throws Exception {
        server.close();
        server = null;
        Path strangers = dataDir.resolve("stranger");
        AuditKeys.loadOrCreate(strangers);

        FiredrillCliTest.Result r = FiredrillCliTest.run("audit", "verify", "--data-dir", dataDir.toString(),
                "--public-key", strangers.resolve(AuditKeys.PUBLIC_FILE).toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("audit log TAMPERED: checkpoint 0 (tree size 6): signed by key "
                + checkpoint.path("keyId").asText() + ", which is not a trusted audit key");
    }

    @Test
    void theCliSaysWhatItCannotReadAndExitsTwo() throws Exception {
        server.close();
        server = null;
        Path empty = Files.createDirectories(dataDir.resolve("empty"));

        FiredrillCliTest.Result noDatabase = FiredrillCliTest.run("audit", "verify", "--data-dir", empty.toString(),
                "--public-key", dataDir.resolve("keys").resolve(AuditKeys.PUBLIC_FILE).toString());
        assertThat(noDatabase.exit()).isEqualTo(2);
        assertThat(noDatabase.err()).isEqualTo("firedrill audit verify: no database in " + empty
                + " (no firedrill.mv.db); name it with --data-dir or --db-url" + System.lineSeparator());

        FiredrillCliTest.Result noKey = FiredrillCliTest.run("audit", "verify", "--data-dir", empty.toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("cannot read the public key " + empty.resolve("keys")
                .resolve(AuditKeys.PUBLIC_FILE) + " (no such file); name it with --public-key");
    }
}
