package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.api.Json;
import io.firedrill.orchestrator.audit.AuditLog;
import io.firedrill.orchestrator.audit.Checkpoint;
import io.firedrill.orchestrator.rehearsal.RehearsalService;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunTransition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a run's report as one JSON tree, a section per item of the report checklist of the measurement design:
 * identification, scope, objectives, scenario, participants, timeline, results, deviations, findings, remediation,
 * signOff, evidence. What a section cannot know says so in a {@code note} instead of being left out.
 */
final class RunReportBuilder {
    static final String SCHEMA = "firedrill/report/v1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Database db;
    private final RunPlan plans;
    private final Function<String, Path> runDir;
    private final RehearsalService steps;
    private final AuditLog audit;
    private final Clock clock;

    RunReportBuilder(Database db, Function<String, Path> runDir, RehearsalService steps, AuditLog audit, Clock clock) {
        this.db = db;
        this.plans = new RunPlan(db.estates());
        this.runDir = runDir;
        this.steps = steps;
        this.audit = audit;
        this.clock = clock;
    }

    /** The report of a run as it stands now; {@code signOff} fills section 11 (null: not signed off). */
    ObjectNode build(RunRecord run, ObjectNode signOff) {
        RunArtifacts files = new RunArtifacts(runDir.apply(run.id()));
        Optional<ObjectNode> plan = plans.of(run.id(), db.runs().source(run.id()).orElse(null));
        Optional<Rehearsal> rehearsal = db.rehearsals().find(run.id());
        Optional<JsonNode> result = files.json("result.json");
        ObjectNode report = NODES.objectNode();
        report.put("schema", SCHEMA);
        report.put("runId", run.id());
        report.put("generatedAt", clock.instant().toString());
        report.set("identification", identification(run, plan, rehearsal));
        report.set("scope", ReportSections.scope(plan));
        report.set("objectives", ReportSections.objectives(plan));
        report.set("scenario", ReportSections.scenario(plan));
        report.set("participants", participants(run, rehearsal));
        report.set("timeline", timeline(run, files, rehearsal));
        report.set("results", ReportSections.results(result, run));
        report.set("deviations", ReportSections.deviations(run, db.runs().transitions(run.id()), result,
                report.path("timeline").path("runbookSteps")));
        // most severe first: the order an auditor (and whoever plans the fixes) reads them in
        report.set("findings", Json.mapper().valueToTree(db.reports().findings(run.id()).stream()
                .sorted(Comparator.comparingInt(f -> -ReportEdits.SEVERITIES.indexOf(f.severity()))).toList()));
        report.set("remediation", Json.mapper().valueToTree(db.reports().actions(run.id())));
        report.set("signOff", signOff == null ? NODES.objectNode().put("signed", false)
                .put("note", "not signed off") : signOff);
        report.set("evidence", evidence(run, files));
        return report;
    }

    private ObjectNode identification(RunRecord run, Optional<ObjectNode> plan, Optional<Rehearsal> rehearsal) {
        ObjectNode id = NODES.objectNode();
        id.put("runId", run.id());
        id.put("experiment", run.experiment());
        id.put("title", plan.map(p -> p.path("title").asText()).orElse(null));
        boolean blackout = plan.map(p -> p.path("method").findValuesAsText("fault").contains("region-blackout"))
                .orElse(false);
        String kind = blackout ? "live failover" : "live fault injection";
        id.put("testType", rehearsal.isPresent() ? kind + " with runbook rehearsal" : kind);
        id.put("state", run.state());
        id.put("verdict", run.verdict());
        id.put("requestedAt", text(run.createdAt()));
        id.put("endedAt", ended(run) ? text(run.updatedAt()) : null);
        id.put("planVersion", db.runs().source(run.id()).map(s -> "sha256:" + RunArtifacts.sha256(
                s.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElse(null));
        id.put("gameDay", rehearsal.map(Rehearsal::gameDay).orElse(null));
        id.put("runbook", rehearsal.map(Rehearsal::runbook).orElse(null));
        id.put("runbookVersion", rehearsal.map(Rehearsal::runbookVersion).orElse(null));
        id.put("estate", plan.map(p -> p.path("estate").path("name").asText()).orElse(null));
        id.put("production", plan.map(p -> p.path("estate").path("production").asBoolean()).orElse(false));
        return id;
    }

    private ObjectNode participants(RunRecord run, Optional<Rehearsal> rehearsal) {
        ObjectNode p = NODES.objectNode();
        p.put("startedBy", rehearsal.map(Rehearsal::startedBy).orElse(run.startedBy()));
        p.put("note", rehearsal.isPresent() ? "planned: the game day's participants; actual: who acted on the steps"
                : run.startedBy() != null ? "started outside a game day, with no participants or steps"
                : "started outside a game day, before runs recorded who started them; see the audit log");
        ArrayNode planned = p.putArray("planned");
        ArrayNode actual = p.putArray("actual");
        rehearsal.flatMap(r -> db.gameDays().find(r.gameDay())).ifPresent(day -> {
            for (GameDay.Participant who : day.participants()) {
                planned.addObject().put("user", who.user()).put("role", who.role());
            }
        });
        if (rehearsal.isPresent()) {
            db.rehearsals().events(run.id()).stream()
                    .map(e -> e.actor() + " (" + e.role() + ")").distinct()
                    .forEach(who -> actual.add(who));
        }
        ArrayNode approvals = p.putArray("approvals");
        db.approvals().list(null).stream().filter(a -> run.id().equals(a.runId())).forEach(a -> approvals.addObject()
                .put("id", a.id()).put("requestedBy", a.requestedBy()).put("decidedBy", a.decidedBy())
                .put("decidedAt", text(a.decidedAt())).put("state", a.state()).put("note", a.note()));
        return p;
    }

    private ObjectNode timeline(RunRecord run, RunArtifacts files, Optional<Rehearsal> rehearsal) {
        ObjectNode t = NODES.objectNode();
        Optional<JsonNode> timeline = files.json("timeline.json");
        t.set("marks", timeline.map(j -> j.path("marks")).orElse(NODES.arrayNode()));
        t.set("segments", timeline.map(j -> j.path("segments")).orElse(NODES.arrayNode()));
        t.set("events", timeline.map(j -> j.path("events")).orElse(NODES.arrayNode()));
        t.put("note", timeline.isPresent() ? timeline.get().path("steadyStateBasis").asText(null)
                : "no timeline.json: the run ended " + run.state() + " before it was judged"
                + (run.cause() == null ? "" : " (" + run.cause() + ")"));
        ArrayNode transitions = t.putArray("transitions");
        for (RunTransition tr : db.runs().transitions(run.id())) {
            transitions.addObject().put("state", tr.state()).put("at", text(tr.at())).put("detail", tr.detail());
        }
        t.set("runbookSteps", rehearsal.isPresent()
                ? Json.mapper().valueToTree(steps.steps(run.id()).steps()) : NODES.arrayNode());
        t.set("probeTransitions", TimelineSeries.probeTransitions(files));
        t.set("chart", TimelineSeries.of(files));
        return t;
    }

    private ObjectNode evidence(RunRecord run, RunArtifacts files) {
        ObjectNode e = NODES.objectNode();
        e.set("artifacts", files.hashes());
        Optional<Checkpoint> latest = audit.latestCheckpoint();
        boolean covers = latest.isPresent() && ended(run) && !latest.get().time().isBefore(run.updatedAt());
        if (covers) {
            Checkpoint c = latest.get();
            e.putObject("auditCheckpoint").put("seq", c.seq()).put("treeSize", c.treeSize()).put("root", c.root())
                    .put("time", text(c.time())).put("keyId", c.keyId()).put("printable", c.printable());
        } else {
            e.putNull("auditCheckpoint");
        }
        e.put("auditNote", covers ? "the latest signed checkpoint, taken after the run ended, covers its entries"
                : "no signed checkpoint covers the run yet" + (ended(run) ? "" : ": it has not ended"));
        e.put("publicKeyFingerprint", audit.keys().fingerprint());
        e.put("keyId", audit.keys().keyId());
        return e;
    }

    static boolean ended(RunRecord run) {
        return run.state().equals("DONE") || run.state().equals("ABORTED");
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
