package io.firedrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.orchestrator.audit.AuditEntry;
import io.firedrill.orchestrator.audit.AuditKeys;
import io.firedrill.orchestrator.audit.Checkpoint;
import io.firedrill.orchestrator.audit.InclusionProof;
import io.firedrill.orchestrator.audit.MerkleTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "proof",
        mixinStandardHelpOptions = true,
        description = {"Check that one audit entry is under a signed checkpoint, trusting the orchestrator for "
                + "nothing: the entry's leaf hash is recomputed from its fields, its RFC 6962 inclusion proof folded "
                + "into a root, that root compared with the checkpoint's, and the checkpoint's Ed25519 signature "
                + "checked with the public key.",
            "Exit status: 0 verified, 1 it does not verify, 2 the orchestrator or the key could not be read."},
        footer = {"", "Examples:",
            "  firedrill audit proof 17 --public-key data/keys/audit-ed25519.pub",
            "  firedrill audit proof 17 --size 40 --server http://orchestrator:8080"})
final class AuditProofCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ApiAccess api;

    @Parameters(paramLabel = "SEQ", description = "The entry's number.")
    long seq;

    @Option(names = "--size", description = "Prove against the checkpoint of this tree size (default: the latest).")
    Long size;

    @Option(names = "--public-key", paramLabel = "FILE", description = "The audit public key (PEM) to trust; without "
            + "it the orchestrator's own (GET /api/v1/audit/public-key) is used, which proves less.")
    Path publicKey;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode entry;
        JsonNode proof;
        PublicKey key;
        try {
            entry = JSON.readTree(get("/api/v1/audit/entries/" + seq));
            proof = JSON.readTree(get("/api/v1/audit/entries/" + seq + "/proof" + (size == null ? "" : "?size=" + size)));
            key = publicKey();
        } catch (Unanswered e) {
            return cannot(e.getMessage());
        }
        String leaf = MerkleTree.hex(MerkleTree.leafHash(AuditEntry.canonicalBytes(seq,
                Instant.parse(entry.path("time").asText()), entry.path("actor").asText(), entry.path("action").asText(),
                entry.path("subject").asText(), entry.path("details"))));
        out.printf("entry %d (%s by %s at %s): leaf hash %s, recomputed from its fields%n", seq,
                entry.path("action").asText(), entry.path("actor").asText(), entry.path("time").asText(), leaf);
        JsonNode cp = proof.path("checkpoint");
        if (cp.isMissingNode() || cp.isNull()) {
            out.printf("NOT VERIFIED: no signed checkpoint has tree size %d%n", proof.path("treeSize").asLong());
            out.flush();
            return 1;
        }
        Checkpoint checkpoint = new Checkpoint(cp.path("seq").asLong(), cp.path("treeSize").asLong(),
                cp.path("root").asText(), Instant.parse(cp.path("time").asText()), cp.path("keyId").asText(),
                cp.path("signature").asText());
        List<String> path = new ArrayList<>();
        proof.path("path").forEach(h -> path.add(h.asText()));
        boolean included = InclusionProof.verify(seq, checkpoint.treeSize(), leaf, path, checkpoint.root());
        boolean signed = AuditKeys.keyId(key).equals(checkpoint.keyId()) && AuditKeys.verify(key,
                checkpoint.signedBytes(), decode(checkpoint.signature()));
        out.printf("inclusion proof (%d hashes) %s root %s of the first %d entries%n", path.size(),
                included ? "leads to" : "does NOT lead to", checkpoint.root(), checkpoint.treeSize());
        out.printf("checkpoint %d: %s%n  signature %s with key %s%n", checkpoint.seq(), checkpoint.printable(),
                signed ? "verifies" : "does NOT verify", AuditKeys.keyId(key));
        out.printf("%s%n", included && signed ? "VERIFIED: entry " + seq + " is in the signed checkpoint, unchanged"
                : "NOT VERIFIED");
        out.flush();
        return included && signed ? 0 : 1;
    }

    private PublicKey publicKey() throws Unanswered, IOException {
        if (publicKey != null) {
            if (!Files.isReadable(publicKey)) {
                throw new Unanswered("cannot read the public key " + publicKey + "; name it with --public-key");
            }
            return AuditKeys.readPublicKey(publicKey);
        }
        Path served = Files.createTempFile("audit-key", ".pub");
        try {
            Files.writeString(served, get("/api/v1/audit/public-key"));
            return AuditKeys.readPublicKey(served);
        } finally {
            Files.deleteIfExists(served);
        }
    }

    private String get(String path) throws Unanswered {
        HttpResponse<String> r;
        try {
            r = http.send(api.request(path).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unanswered("no orchestrator answers at " + api.server + " (" + e + "); name it with --server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted");
        }
        if (r.statusCode() != 200) {
            String error = r.body();
            try {
                error = JSON.readTree(r.body()).path("error").asText(r.body());
            } catch (IOException notJson) {
                // keep the body as it is
            }
            throw new Unanswered(r.statusCode() + ": " + error);
        }
        return r.body();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private int cannot(String message) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** The orchestrator or the key could not be read: exit 2 with the reason. */
    private static final class Unanswered extends Exception {
        Unanswered(String message) {
            super(message, null, false, false);
        }
    }
}
