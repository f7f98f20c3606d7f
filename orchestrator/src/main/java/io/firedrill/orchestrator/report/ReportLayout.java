package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's JSON as titled sections of printable blocks, in checklist order: what HTML and PDF both print, so the
 * formats cannot disagree. Reads only the JSON, so a frozen report prints as it was when it was signed off.
 */
final class ReportLayout {
    static final List<String> HEADINGS = List.of("1. Identification", "2. Scope",
            "3. Objectives and success criteria", "4. Scenario and assumptions", "5. Participants and roles",
            "6. Timeline", "7. Results vs objectives", "8. Deviations", "9. Findings", "10. Remediation actions",
            "11. Approvals and sign-off", "12. Evidence integrity");

    sealed interface Block {}

    /** Label and value pairs. */
    record Rows(List<List<String>> rows) implements Block {}

    record Table(String caption, List<String> headers, List<List<String>> rows) implements Block {}

    record Text(String text) implements Block {}

    /** The timeline chart, drawn by each format from the report's chart series. */
    record Chart(JsonNode series) implements Block {}

    record Section(String title, List<Block> blocks) {}

    private ReportLayout() {}

    static List<Section> of(JsonNode r) {
        JsonNode id = r.path("identification");
        JsonNode scope = r.path("scope");
        JsonNode obj = r.path("objectives");
        JsonNode scen = r.path("scenario");
        JsonNode who = r.path("participants");
        JsonNode t = r.path("timeline");
        JsonNode res = r.path("results");
        JsonNode sign = r.path("signOff");
        JsonNode ev = r.path("evidence");
        List<Section> s = new ArrayList<>();
        s.add(new Section(HEADINGS.get(0), List.of(rows(id, "runId", "experiment", "title", "testType", "state",
                "verdict", "requestedAt", "endedAt", "planVersion", "gameDay", "runbook", "runbookVersion", "estate",
                "production"))));
        s.add(new Section(HEADINGS.get(1), List.of(rows(scope, "estate", "note"),
                table("Regions", scope.path("regions"), "name", "role", "agent"),
                table("Services", scope.path("services"), "name", "region", "kind", "endpoint"),
                table("Data stores", scope.path("dataStores"), "name", "region", "engine", "role"))));
        s.add(new Section(HEADINGS.get(2), List.of(rows(obj, "rto", "rpo", "steadyStateSamples", "clockStart",
                "clockStop", "successCriteria"), table("Per data store", obj.path("dataStores"), "dataStore", "rto",
                "rpo"), table("Stop conditions", obj.path("stopConditions"), "name", "probe", "metric", "above",
                "sustainedFor"))));
        s.add(new Section(HEADINGS.get(3), List.of(new Text(scen.path("description").asText()),
                table("Method", scen.path("method"), "name", "fault", "target", "after", "duration"),
                rows(scen, "workload"), new Text("Assumptions: " + join(scen.path("assumptions"))))));
        s.add(new Section(HEADINGS.get(4), List.of(rows(who, "startedBy", "note"),
                table("Planned", who.path("planned"), "user", "role"),
                new Text("Actual: " + (who.path("actual").isEmpty() ? "nobody acted on a runbook step"
                        : join(who.path("actual")))))));
        s.add(new Section(HEADINGS.get(5), List.of(new Chart(t.path("chart")), new Text(t.path("note").asText("")),
                table("Marks T0-T6", t.path("marks"), "id", "meaning", "observed", "at.wall", "at.boundNanos",
                        "evidence"),
                table("Segments", t.path("segments"), "name", "from", "to", "duration.text", "note"),
                table("Run states", t.path("transitions"), "state", "at", "detail"),
                table("Events", t.path("events"), "wall", "source", "type", "region", "detail"),
                table("Probe transitions", t.path("probeTransitions"), "wall", "probe", "region", "ok", "detail"),
                table("Runbook steps", t.path("runbookSteps"), "id", "title", "state", "started.by", "started.at",
                        "completed.by", "completed.at", "elapsedSeconds", "expected", "timing"))));
        s.add(new Section(HEADINGS.get(6), List.of(rows(res, "overall", "note"),
                table("Verdicts", res.path("verdicts"), "objective", "declared", "measured", "verdict", "reason"),
                rows(res.path("integrity"), "attempts", "acknowledged", "lost", "recoveredIndeterminate",
                        "recoveredFailed", "unexpected", "duplicates", "rpoWindow", "staleReads",
                        "splitBrainDivergences", "replicationLagBeforeT0Nanos"))));
        s.add(new Section(HEADINGS.get(7), List.of(r.path("deviations").isEmpty() ? new Text("none recorded")
                : table(null, r.path("deviations"), "kind", "detail"))));
        s.add(new Section(HEADINGS.get(8), List.of(r.path("findings").isEmpty() ? new Text("none recorded")
                : table(null, r.path("findings"), "id", "severity", "title", "description", "createdBy"))));
        s.add(new Section(HEADINGS.get(9), List.of(r.path("remediation").isEmpty() ? new Text("none recorded")
                : table(null, r.path("remediation"), "id", "findingId", "title", "owner", "due", "status",
                        "retest"))));
        s.add(new Section(HEADINGS.get(10), List.of(
                table("Approvals of the run", who.path("approvals"), "id", "requestedBy", "decidedBy", "decidedAt",
                        "state", "note"),
                sign.path("signed").asBoolean() ? rows(sign, "signedBy", "signedAt", "note")
                        : new Text("not signed off"))));
        s.add(new Section(HEADINGS.get(11), List.of(
                table("Artefacts (SHA-256)", ev.path("artifacts"), "name", "bytes", "sha256"),
                rows(ev, "auditNote", "auditCheckpoint.printable", "publicKeyFingerprint", "keyId"))));
        return s;
    }

    private static Rows rows(JsonNode node, String... fields) {
        List<List<String>> rows = new ArrayList<>();
        for (String f : fields) {
            rows.add(List.of(f.replace(".printable", ""), value(node, f)));
        }
        return new Rows(rows);
    }

    private static Table table(String caption, JsonNode list, String... fields) {
        List<List<String>> rows = new ArrayList<>();
        list.forEach(item -> {
            List<String> row = new ArrayList<>();
            for (String f : fields) {
                row.add(value(item, f));
            }
            rows.add(row);
        });
        return new Table(caption, List.of(fields), rows);
    }

    /** A dotted path's value as text; "-" for nothing, so an empty cell never looks like a lost value. */
    static String value(JsonNode node, String path) {
        JsonNode v = node;
        for (String part : path.split("\\.")) {
            v = v.path(part);
        }
        if (v.isMissingNode() || v.isNull()) {
            return "-";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String join(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(n -> parts.add(n.asText()));
        return String.join("; ", parts);
    }
}
