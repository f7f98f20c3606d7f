package io.firedrill.orchestrator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bytes that are hashed and signed never change: the expected texts and hashes below were computed with Python's
 * {@code json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)} and {@code hashlib}, as
 * docs/audit.md tells auditors to do. If one of these fails, every log already written stops verifying.
 */
class CanonicalEncodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2025-03-01T10:15:30.123456Z");

    private static ObjectNode details() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", 1);
        nested.put("a", null);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("experiment", "region-blackout");
        d.put("regions", List.of("eu-west", "us-east"));
        d.put("note", "ünïcode \"quoted\"\n\u0001 ✓ 𝄞");
        d.put("count", 3);
        d.put("dry", false);
        d.put("nested", nested);
        return CanonicalJson.details(d);
    }

    @Test
    void anEntryEncodesAsSortedCompactUtf8JsonAndHashesAsPythonSays() {
        byte[] bytes = AuditEntry.canonicalBytes(17, TIME, "alice", "run.start", "r-mhx3k2", details());

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"action\":\"run.start\",\"actor\":\"alice\","
                + "\"details\":{\"count\":3,\"dry\":false,\"experiment\":\"region-blackout\",\"nested\":{\"a\":null,"
                + "\"b\":1},\"note\":\"ünïcode \\\"quoted\\\"\\n\\u0001 ✓ 𝄞\",\"regions\":[\"eu-west\",\"us-east\"]},"
                + "\"seq\":17,\"subject\":\"r-mhx3k2\",\"time\":\"2025-03-01T10:15:30.123456Z\"}");
        assertThat(MerkleTree.hex(MerkleTree.leafHash(bytes)))
                .isEqualTo("794562aa03e1886c047b0e5acf17d22b4e3d46a32550a696c49801c66f1f6f35");
    }

    @Test
    void theOrderDetailsWereBuiltInDoesNotMatter() throws Exception {
        ObjectNode shuffled = (ObjectNode) JSON.readTree("{\"nested\":{\"a\":null,\"b\":1},\"dry\":false,\"count\":3,"
                + "\"regions\":[\"eu-west\",\"us-east\"],\"note\":\"ünïcode \\\"quoted\\\"\\n\\u0001 ✓ 𝄞\","
                + "\"experiment\":\"region-blackout\"}");

        assertThat(CanonicalJson.write(shuffled)).isEqualTo(CanonicalJson.write(details()));
        // and what was stored reads back to the same bytes
        assertThat(CanonicalJson.write(CanonicalJson.parseObject(CanonicalJson.write(details()))))
                .isEqualTo(CanonicalJson.write(details()));
    }

    @Test
    void timesAlwaysHaveSixFractionalDigitsInUtc() {
        assertThat(CanonicalJson.time(Instant.parse("2025-03-01T10:15:30Z"))).isEqualTo("2025-03-01T10:15:30.000000Z");
        assertThat(CanonicalJson.time(Instant.parse("2025-03-01T10:15:30.1Z"))).isEqualTo("2025-03-01T10:15:30.100000Z");
        assertThat(CanonicalJson.time(Instant.parse("2025-03-01T10:15:30.123456789Z")))
                .isEqualTo("2025-03-01T10:15:30.123456Z");
    }

    @Test
    void whatHasNoSingleCanonicalFormIsRefusedWithItsPath() {
        assertThatThrownBy(() -> CanonicalJson.write(CanonicalJson.details(Map.of("lag", 1.5))))
                .hasMessage("details.lag: 1.5 is not a whole number; canonical JSON holds whole numbers only "
                        + "(write 1.5 as a string)");
        assertThatThrownBy(() -> CanonicalJson.write(CanonicalJson.details(Map.of("n", 9007199254740992L))))
                .hasMessage("details.n: 9007199254740992 is beyond +-2^53-1; write it as a string");
        assertThatThrownBy(() -> CanonicalJson.write(CanonicalJson.details(Map.of("a", Map.of("ü", 1)))))
                .hasMessage("details.a: key 'ü' is not 1..100 printable ASCII characters without \" or \\");
        assertThatThrownBy(() -> CanonicalJson.write(CanonicalJson.details(Map.of("s", List.of("\ud800")))))
                .hasMessage("details.s[0]: holds a lone UTF-16 surrogate (U+D800), which has no UTF-8 form");
        assertThatThrownBy(() -> CanonicalJson.details(Map.of("at", Instant.EPOCH)))
                .hasMessageStartingWith("details: ").hasMessageEndingWith("pass strings, whole numbers, booleans, "
                        + "lists and maps");
    }

    @Test
    void aCheckpointSignsSortedCompactJsonWithItsType() {
        Checkpoint c = new Checkpoint(3, 40, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
                Instant.parse("2025-03-01T10:15:30Z"), "0123456789abcdef", "c2lnbmF0dXJl");

        assertThat(new String(c.signedBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"keyId\":\"0123456789abcdef\","
                + "\"root\":\"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\",\"size\":40,"
                + "\"time\":\"2025-03-01T10:15:30.000000Z\",\"type\":\"firedrill-audit-checkpoint\"}");
        assertThat(c.printable()).isEqualTo("tree size 40, root 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370"
                + "eff4604328, signed 2025-03-01T10:15:30.000000Z by key 0123456789abcdef: c2lnbmF0dXJl");
    }
}
