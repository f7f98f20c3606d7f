package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.audit.AuditLog;
import io.firedrill.orchestrator.audit.Checkpoint;
import io.firedrill.orchestrator.rehearsal.RehearsalService;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.RemediationAction;
import io.firedrill.orchestrator.store.ReportFinding;
import io.firedrill.orchestrator.store.ReportSignOff;
import io.firedrill.orchestrator.store.ReportStore;
import io.firedrill.orchestrator.store.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reports and the rules of changing them: findings and actions while the report is open; a sign-off once the run
 * ended, by someone other than whoever started it, that freezes the report. Blocking: call from a worker.
 */
public final class ReportService {
    private final Database db;
    private final ReportStore store;
    private final RunReportBuilder builder;
    private final AuditLog audit;
    private final Clock clock;

    /** A run's report as JSON text, the SHA-256 of exactly that text, and its sign-off if frozen. */
    public record Rendered(String json, String sha256, ReportSignOff signOff) {}

    public ReportService(Database db, Function<String, Path> runDir, RehearsalService steps, AuditLog audit,
            Clock clock) {
        this.db = db;
        this.store = db.reports();
        this.builder = new RunReportBuilder(db, runDir, steps, audit, clock);
        this.audit = audit;
        this.clock = clock;
    }

    /** The frozen report once signed off (the stored bytes), else the report as it stands now. */
    public Rendered report(String runId) {
        RunRecord run = run(runId);
        return store.signOff(runId).map(s -> new Rendered(s.report(), s.sha256(), s))
                .orElseGet(() -> rendered(builder.build(run, null)));
    }

    /** A game day's report: its plan and the report of every run it started, oldest first. */
    public ObjectNode gameDay(String name) {
        GameDay day = db.gameDays().find(name).orElseThrow(() -> ApiException.notFound("no game day named '" + name
                + "'"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("schema", "firedrill/gameday-report/v1");
        out.put("gameDay", day.name());
        out.put("runbook", day.runbook());
        out.set("experiments", Json.mapper().valueToTree(day.experiments()));
        out.set("participants", Json.mapper().valueToTree(day.participants()));
        ArrayNode runs = out.putArray("runs");
        db.rehearsals().ofGameDay(name).stream().map(Rehearsal::runId)
                .forEach(id -> runs.add(parse(report(id).json())));
        return out;
    }

    public ReportFinding addFinding(String runId, ReportEdits.FindingEdit edit, String actor) {
        requireOpen(run(runId));
        return store.addFinding(runId, edit.title(), edit.severity(), edit.description(), actor);
    }

    public ReportFinding updateFinding(String runId, String findingId, ReportEdits.FindingEdit edit) {
        requireOpen(run(runId));
        ReportFinding now = finding(runId, findingId);
        return store.updateFinding(runId, findingId, or(edit.title(), now.title()), or(edit.severity(),
                now.severity()), or(edit.description(), now.description())).orElseThrow(() -> noFinding(runId,
                findingId));
    }

    public boolean deleteFinding(String runId, String findingId) {
        requireOpen(run(runId));
        return store.deleteFinding(runId, findingId);
    }

    public RemediationAction addAction(String runId, String findingId, ReportEdits.ActionEdit edit, String actor) {
        requireOpen(run(runId));
        requireUser(edit.owner());
        return store.addAction(runId, findingId, edit.title(), edit.owner(), edit.due(), edit.status(), edit.retest(),
                actor)
                .orElseThrow(() -> noFinding(runId, findingId));
    }

    public RemediationAction updateAction(String runId, String findingId, String actionId,
            ReportEdits.ActionEdit edit) {
        requireOpen(run(runId));
        if (edit.owner() != null) {
            requireUser(edit.owner());
        }
        return store.updateAction(runId, findingId, actionId, edit.title(), edit.owner(), edit.due(), edit.status(),
                edit.retest())
                .orElseThrow(() -> ApiException.notFound("run " + runId + " has no action " + actionId
                        + " of finding " + findingId));
    }

    /**
     * Freezes the report: rendered with its sign-off, stored with its SHA-256, recorded in the audit log, and a
     * checkpoint signed so that the log's proof of the sign-off exists as soon as it is answered.
     */
    public Map<String, Object> signOff(String runId, String user, String note) {
        RunRecord run = run(runId);
        if (!RunReportBuilder.ended(run)) {
            throw ApiException.conflict("run " + runId + " is " + run.state() + "; only a run that ended (DONE or "
                    + "ABORTED) can be signed off");
        }
        requireOpen(run);
        Optional.ofNullable(run.startedBy()).or(() -> db.rehearsals().find(runId).map(Rehearsal::startedBy))
                .filter(user::equals).ifPresent(starter -> {
            throw ApiException.conflict(user + " started run " + runId + "; someone else with role approver must "
                    + "sign off its report");
        });
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ObjectNode signed = JsonNodeFactory.instance.objectNode().put("signed", true).put("signedBy", user)
                .put("signedAt", at.toString()).put("note", note);
        Rendered frozen = rendered(builder.build(run, signed));
        ReportSignOff s;
        try {
            s = store.signOff(runId, user, at, note, frozen.json(), frozen.sha256());
        } catch (DuplicateException e) {
            throw frozenError(store.signOff(runId).orElseThrow());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sha256", s.sha256());
        if (note != null) {
            details.put("note", note);
        }
        audit.append(user, "report.sign-off", runId, details);
        Checkpoint checkpoint = audit.checkpoint();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", runId);
        out.put("signedBy", s.signedBy());
        out.put("signedAt", s.signedAt());
        out.put("note", s.note());
        out.put("sha256", s.sha256());
        out.put("checkpoint", checkpoint.printable());
        out.put("publicKeyFingerprint", audit.keys().fingerprint());
        return out;
    }

    /** The latest checkpoint, which after a sign-off covers the sign-off's own audit entry. */
    public String latestCheckpoint() {
        return audit.latestCheckpoint().map(Checkpoint::printable).orElse("none yet");
    }

    private RunRecord run(String runId) {
        return db.runs().find(runId).orElseThrow(() -> ApiException.notFound("no run with id '" + runId + "'"));
    }

    private void requireOpen(RunRecord run) {
        store.signOff(run.id()).ifPresent(s -> {
            throw frozenError(s);
        });
    }

    private static ApiException frozenError(ReportSignOff s) {
        return ApiException.conflict("the report of run " + s.runId() + " was signed off by " + s.signedBy() + " at "
                + s.signedAt() + "; it can no longer change");
    }

    private void requireUser(String owner) {
        if (db.users().find(owner).isEmpty()) {
            throw ApiException.badRequest("owner: '" + owner + "' is not a user; expected the name of one (GET "
                    + "/api/v1/users)");
        }
    }

    private ReportFinding finding(String runId, String findingId) {
        return store.findings(runId).stream().filter(f -> f.id().equals(findingId)).findFirst()
                .orElseThrow(() -> noFinding(runId, findingId));
    }

    private static ApiException noFinding(String runId, String findingId) {
        return ApiException.notFound("run " + runId + " has no finding " + findingId);
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static Rendered rendered(ObjectNode report) {
        try {
            String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
            return new Rendered(json, RunArtifacts.sha256(json.getBytes(StandardCharsets.UTF_8)), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored report is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
