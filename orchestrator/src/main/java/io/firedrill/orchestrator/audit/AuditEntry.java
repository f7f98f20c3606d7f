package io.firedrill.orchestrator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the audit log: who ({@code actor}) did what ({@code action}) to what ({@code subject}) when, with a
 * small JSON object of details, and the RFC 6962 leaf hash of its canonical bytes.
 *
 * @param seq      its number: 0, 1, 2, ... without gaps
 * @param time     when it was appended, to the microsecond
 * @param actor    a user name, or {@value AuditLog#SYSTEM} for what the orchestrator does on its own
 * @param action   a short verb: {@code run.start}, {@code fault.inject}, {@code halt}, ...
 * @param subject  what it acted on (a run id, a schedule name, ...); may be empty
 * @param details  a JSON object
 * @param leafHash lower-case hex SHA-256(0x00 || canonical bytes)
 */
public record AuditEntry(long seq, Instant time, String actor, String action, String subject, ObjectNode details,
        String leafHash) {

    /** Dotted lower-case words, e.g. {@code report.sign-off}. */
    static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    static final int MAX_ACTOR = 200;
    static final int MAX_ACTION = 64;
    static final int MAX_SUBJECT = 500;
    static final int MAX_DETAILS = 16 * 1024;

    /**
     * The canonical bytes of an entry: UTF-8 of the JSON object
     * {@code {"action":..,"actor":..,"details":{..},"seq":N,"subject":..,"time":"YYYY-MM-DDTHH:MM:SS.ffffffZ"}}, keys
     * in that (sorted) order, written by {@link CanonicalJson}.
     */
    public static byte[] canonicalBytes(long seq, Instant time, String actor, String action, String subject,
            JsonNode details) {
        return canonicalText(seq, time, actor, action, subject, details).getBytes(StandardCharsets.UTF_8);
    }

    static String canonicalText(long seq, Instant time, String actor, String action, String subject, JsonNode details) {
        StringBuilder out = new StringBuilder(128);
        out.append("{\"action\":");
        CanonicalJson.string(action, "action", out);
        out.append(",\"actor\":");
        CanonicalJson.string(actor, "actor", out);
        out.append(",\"details\":");
        CanonicalJson.write(details, "details", 1, out);
        out.append(",\"seq\":").append(seq);
        out.append(",\"subject\":");
        CanonicalJson.string(subject, "subject", out);
        out.append(",\"time\":\"").append(CanonicalJson.time(time)).append("\"}");
        return out.toString();
    }

    /** This entry's canonical bytes, from its fields (not from its leaf hash). */
    public byte[] canonicalBytes() {
        return canonicalBytes(seq, time, actor, action, subject, details);
    }

    /** The leaf hash its fields give, in hex; equal to {@link #leafHash()} unless the entry was changed. */
    public String computedLeafHash() {
        return MerkleTree.hex(MerkleTree.leafHash(canonicalBytes()));
    }

    /** Checks what a caller may append; the messages name the field, the value and what was expected. */
    static void check(String actor, String action, String subject) {
        Objects.requireNonNull(subject, "subject (use \"\" for none)");
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("actor '" + actor + "': expected a user name or 'system', 1.."
                    + MAX_ACTOR + " characters");
        }
        if (action == null || action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action '" + action + "': expected dotted lower-case words such as "
                    + "run.start or report.sign-off, at most " + MAX_ACTION + " characters");
        }
        if (subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("subject '" + subject.substring(0, 40) + "...' is " + subject.length()
                    + " characters long; at most " + MAX_SUBJECT + " allowed");
        }
    }
}
