package io.firedrill.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firedrill.cli.FiredrillCliTest;
import io.firedrill.orchestrator.audit.AuditEntry;
import io.firedrill.orchestrator.audit.AuditKeys;
import io.firedrill.orchestrator.audit.InclusionProof;
import io.firedrill.orchestrator.audit.MerkleTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an auditor reads from /api/v1/audit, and who may ask for a checkpoint. */
class AuditApiTest extends RunningServer {

    /** Appends {@code n} entries as the wired features will; returns the number of the first. */
    private static long append(int n) {
        long first = server.audit().size();
        for (int i = 0; i < n; i++) {
            server.audit().append("admin", "schedule.create", "nightly-" + i, Map.of("cron", "0 0 2 * * ?", "n", i));
        }
        return first;
    }

    @Test
    void entriesComePagedOldestFirstAndTheLastOnesWithoutFrom() {
        long first = append(5);
        long size = server.audit().size();

        JsonNode last = api.get("/api/v1/audit/entries?limit=2").json();
        assertThat(last.path("size").asLong()).isEqualTo(size);
        assertThat(last.path("from").asLong()).isEqualTo(size - 2);
        assertThat(last.path("entries").findValuesAsText("subject")).containsExactly("nightly-3", "nightly-4");

        JsonNode page = api.get("/api/v1/audit/entries?from=" + first + "&limit=3").json();
        assertThat(page.path("entries").findValues("seq")).extracting(JsonNode::asLong)
                .containsExactly(first, first + 1, first + 2);
        JsonNode one = page.path("entries").get(0);
        assertThat(one.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(one.path("details").toString()).isEqualTo("{\"cron\":\"0 0 2 * * ?\",\"n\":0}");
        assertThat(api.get("/api/v1/audit/entries?limit=0").json().path("error").asText())
                .isEqualTo("limit '0': expected a whole number from 1 to 1000");
    }

    @Test
    void oneEntryByNumberOrAClearNotFound() {
        long seq = append(1);

        JsonNode entry = api.get("/api/v1/audit/entries/" + seq).json();
        assertThat(entry.path("action").asText()).isEqualTo("schedule.create");
        assertThat(entry.path("leafHash").asText()).isEqualTo(server.audit().entry(seq).orElseThrow().leafHash());

        long size = server.audit().size();
        ApiClient.Reply missing = api.get("/api/v1/audit/entries/" + (size + 10));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").asText())
                .isEqualTo("no audit entry " + (size + 10) + "; the log holds entries 0.." + (size - 1));
        ApiClient.Reply bad = api.get("/api/v1/audit/entries/last");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").asText()).isEqualTo("entry number 'last': expected a whole number from 0");
    }

    @Test
    void anAuditorChecksAnInclusionProofAgainstTheSignedCheckpointWithThePublishedKey() throws Exception {
        long seq = append(6) + 2;
        ApiClient.Reply made = api.post("/api/v1/audit/checkpoints", null, "");
        assertThat(made.status()).isEqualTo(201);
        JsonNode checkpoint = made.json();

        JsonNode entry = api.get("/api/v1/audit/entries/" + seq).json();
        JsonNode proof = api.get("/api/v1/audit/entries/" + seq + "/proof").json();
        String leaf = MerkleTree.hex(MerkleTree.leafHash(AuditEntry.canonicalBytes(seq,
                Instant.parse(entry.path("time").asText()), entry.path("actor").asText(), entry.path("action").asText(),
                entry.path("subject").asText(), entry.path("details"))));
        List<String> path = new ArrayList<>();
        proof.path("path").forEach(h -> path.add(h.asText()));

        assertThat(proof.path("treeSize").asLong()).isEqualTo(checkpoint.path("treeSize").asLong());
        assertThat(proof.path("checkpoint").path("signature").asText()).isEqualTo(checkpoint.path("signature").asText());
        assertThat(InclusionProof.verify(seq, checkpoint.path("treeSize").asLong(), leaf, path,
                checkpoint.path("root").asText())).isTrue();
        String pem = api.get("/api/v1/audit/public-key").text();
        assertThat(pem).isEqualTo(Files.readString(dataDir.resolve("keys").resolve(AuditKeys.PUBLIC_FILE)));
        Path keyFile = Files.writeString(dataDir.resolve("auditor.pub"), pem);
        assertThat(AuditKeys.keyId(AuditKeys.readPublicKey(keyFile))).isEqualTo(checkpoint.path("keyId").asText());
        assertThat(checkpoint.path("printable").asText()).startsWith("tree size " + checkpoint.path("treeSize").asLong()
                + ", root " + checkpoint.path("root").asText() + ", signed ");

        FiredrillCliTest.Result cli = FiredrillCliTest.run("audit", "proof", String.valueOf(seq), "--server",
                server.baseUrl(), "--token", token(), "--public-key", keyFile.toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("entry " + seq + " (schedule.create by admin at ")
                .contains("VERIFIED: entry " + seq + " is in the signed checkpoint, unchanged");
    }

    @Test
    void aProofForASizeTheLogDoesNotHaveIsABadRequest() {
        append(1);
        long size = server.audit().size();

        ApiClient.Reply r = api.get("/api/v1/audit/entries/0/proof?size=" + (size + 1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText())
                .isEqualTo("size " + (size + 1) + ": expected 1.." + size + " (the log holds " + size + " entries)");
    }

    @Test
    void onlyAnAdminAsksForACheckpointButEveryRoleVerifies() {
        append(1);
        String olga = api.post("/api/v1/users", "application/json", "{\"name\":\"olga\",\"role\":\"operator\"}")
                .json().path("token").path("token").asText();

        ApiClient.Reply refused = api.as(olga).post("/api/v1/audit/checkpoints", null, "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").asText())
                .isEqualTo("forbidden: POST /api/v1/audit/checkpoints needs role admin; olga has role operator");

        JsonNode verified = api.as(olga).get("/api/v1/audit/verify").json();
        assertThat(verified.path("ok").asBoolean()).isTrue();
        assertThat(verified.path("entries").asLong()).isEqualTo(server.audit().size());
        assertThat(verified.path("root").asText()).matches("[0-9a-f]{64}");
        assertThat(api.as(olga).get("/api/v1/audit/checkpoints").status()).isEqualTo(200);
    }

    @Test
    void theCliPrintsTheLastEntries() throws Exception {
        append(3);
        long size = server.audit().size();

        FiredrillCliTest.Result r = FiredrillCliTest.run("audit", "log", "--server", server.baseUrl(), "--token",
                token(), "--limit", "2");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("SEQ", "ACTION", "nightly-1", "nightly-2", "{\"cron\":\"0 0 2 * * ?\",\"n\":2}")
                .doesNotContain("nightly-0")
                .contains("2 of " + size + " entries (" + (size - 2) + ".." + (size - 1) + ")");
    }

    private static String token() throws java.io.IOException {
        return Files.readString(server.adminTokenFile()).strip();
    }
}
