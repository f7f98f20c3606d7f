package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.TreeJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * {@code result.json} and {@code timeline.json}: a {@link RunResult} and its {@link Timeline} as JSON and back.
 * Field names follow the records; {@code docs/artifacts.md} lists each with its unit.
 */
final class ResultJson {
    static final String SCHEMA = "firedrill/result/v1";
    static final String TIMELINE_SCHEMA = "firedrill/timeline/v1";

    private ResultJson() {}

    static String write(RunResult r) {
        ObjectNode n = NODES.objectNode();
        n.put("schema", SCHEMA);
        n.put("runId", r.runId());
        n.put("overall", r.overall().name());
        n.set("verdicts", TreeJson.array(r.verdicts(), ResultJson::verdict));
        n.set("figures", TreeJson.array(r.figures(), ResultJson::figure));
        n.set("timeline", TreeJson.optional(r.timeline(), ResultJson::timeline));
        n.set("loss", TreeJson.optional(r.loss(), ResultJson::loss));
        n.set("staleReads", TreeJson.optional(r.staleReads(), ResultJson::staleReads));
        n.set("splitBrain", TreeJson.optional(r.splitBrain(), ResultJson::splitBrain));
        n.set("replicationLagBeforeT0Nanos", TreeJson.optional(r.replicationLagBeforeT0(),
                d -> NODES.numberNode(d.toNanos())));
        n.set("clock", clock(r.clock()));
        n.set("checkerFailures", TreeJson.array(r.checkerFailures(), f -> NODES.objectNode()
                .put("checker", f.checker()).put("message", f.message())));
        return TreeJson.pretty(n);
    }

    static RunResult read(String json) {
        JsonNode n = TreeJson.parse(json, "result.json");
        try {
            return new RunResult(
                    TreeJson.text(n, "runId"),
                    TreeJson.enumValue(n, "overall", Verdict.class),
                    TreeJson.list(n, "verdicts", ResultJson::verdict),
                    TreeJson.optional(n, "timeline", ResultJson::timeline),
                    TreeJson.optional(n, "loss", ResultJson::loss),
                    TreeJson.optional(n, "staleReads", ResultJson::staleReads),
                    TreeJson.optional(n, "splitBrain", ResultJson::splitBrain),
                    TreeJson.optional(n, "replicationLagBeforeT0Nanos", v -> Duration.ofNanos(v.asLong())),
                    clock(TreeJson.field(n, "clock")),
                    TreeJson.list(n, "checkerFailures", f -> new CheckerFailure(TreeJson.text(f, "checker"),
                            TreeJson.text(f, "message"))));
        } catch (IllegalArgumentException e) {
            throw new EvidenceException("result.json: " + e.getMessage(), e);
        }
    }

    static String writeTimeline(Timeline t) {
        ObjectNode n = NODES.objectNode().put("schema", TIMELINE_SCHEMA);
        n.setAll(timeline(t));
        return TreeJson.pretty(n);
    }

    static Timeline readTimeline(String json) {
        try {
            return timeline(TreeJson.parse(json, "timeline.json"));
        } catch (IllegalArgumentException e) {
            throw new EvidenceException("timeline.json: " + e.getMessage(), e);
        }
    }

    static ObjectNode timeline(Timeline t) {
        ObjectNode n = NODES.objectNode();
        n.set("marks", TreeJson.array(t.marks(), m -> {
            ObjectNode o = NODES.objectNode().put("id", m.id()).put("meaning", m.meaning())
                    .put("observed", m.observed());
            o.set("at", TreeJson.optional(m.at(), TreeJson::moment));
            return o.put("evidence", m.evidence());
        }));
        n.set("segments", TreeJson.array(t.segments(), s -> {
            ObjectNode o = NODES.objectNode().put("name", s.name()).put("from", s.from()).put("to", s.to());
            o.set("duration", TreeJson.optional(s.duration(), TreeJson::measured));
            return o.put("note", s.note());
        }));
        n.set("events", TreeJson.array(t.events(), e -> NODES.objectNode().put("nanos", e.nanos())
                .put("wall", WallTime.format(e.wall())).put("source", e.source()).put("type", e.type())
                .put("region", e.region()).put("detail", e.detail())));
        n.put("steadyStateBasis", t.steadyStateBasis());
        n.set("stillFailingAt", TreeJson.optional(t.stillFailingAt(), TreeJson::moment));
        return n;
    }

    static Timeline timeline(JsonNode n) {
        return new Timeline(
                TreeJson.list(n, "marks", m -> new Mark(TreeJson.text(m, "id"), TreeJson.text(m, "meaning"),
                        TreeJson.optional(m, "at", TreeJson::moment), TreeJson.text(m, "evidence"))),
                TreeJson.list(n, "segments", s -> new Segment(TreeJson.text(s, "name"), TreeJson.text(s, "from"),
                        TreeJson.text(s, "to"), TreeJson.optional(s, "duration", TreeJson::measured),
                        TreeJson.text(s, "note"))),
                TreeJson.list(n, "events", e -> new TimelineEvent(TreeJson.whole(e, "nanos"), TreeJson.wall(e, "wall"),
                        TreeJson.text(e, "source"), TreeJson.text(e, "type"), TreeJson.nullableText(e, "region"),
                        TreeJson.text(e, "detail"))),
                TreeJson.text(n, "steadyStateBasis"),
                TreeJson.optional(n, "stillFailingAt", TreeJson::moment));
    }

    private static JsonNode verdict(ObjectiveVerdict v) {
        ObjectNode o = NODES.objectNode().put("objective", v.objective()).put("verdict", v.verdict().name());
        o.set("declaredNanos", TreeJson.optional(v.declared(), d -> NODES.numberNode(d.toNanos())));
        o.set("measured", TreeJson.optional(v.measured(), TreeJson::measured));
        return o.put("reason", v.reason());
    }

    private static ObjectiveVerdict verdict(JsonNode n) {
        return new ObjectiveVerdict(TreeJson.text(n, "objective"), TreeJson.enumValue(n, "verdict", Verdict.class),
                TreeJson.optional(n, "declaredNanos", d -> Duration.ofNanos(d.asLong())),
                TreeJson.optional(n, "measured", TreeJson::measured), TreeJson.text(n, "reason"));
    }

    private static JsonNode figure(Figure f) {
        return NODES.objectNode().put("name", f.name()).put("value", f.value()).put("bound", f.bound())
                .put("unit", f.unit()).put("meaning", f.meaning());
    }

    private static JsonNode loss(LossReport l) {
        ObjectNode n = NODES.objectNode();
        n.set("writes", NODES.objectNode().put("attempts", l.writes().attempts())
                .put("acknowledged", l.writes().acknowledged()).put("failed", l.writes().failed())
                .put("indeterminate", l.writes().indeterminate()));
        n.set("finalRead", NODES.objectNode().put("complete", l.finalReadComplete()).put("note", l.finalReadNote())
                .put("entries", l.finalReadEntries()));
        n.set("lost", TreeJson.tally(l.lost()));
        n.set("earliestLostAck", TreeJson.optional(l.earliestLostAck(), TreeJson::moment));
        n.set("latestLostAck", TreeJson.optional(l.latestLostAck(), TreeJson::moment));
        n.put("lostAckedAfterT0", l.lostAckedAfterT0());
        n.set("window", TreeJson.optional(l.window(), TreeJson::measured));
        n.put("windowNote", l.windowNote());
        n.put("recoveredIndeterminate", l.recoveredIndeterminate());
        n.set("recoveredFailed", TreeJson.tally(l.recoveredFailed()));
        n.set("unexpected", TreeJson.tally(l.unexpected()));
        n.set("duplicated", TreeJson.tally(l.duplicated()));
        return n;
    }

    private static LossReport loss(JsonNode n) {
        JsonNode w = TreeJson.field(n, "writes");
        JsonNode f = TreeJson.field(n, "finalRead");
        return new LossReport(
                new WriteCounts(TreeJson.whole(w, "attempts"), TreeJson.whole(w, "acknowledged"),
                        TreeJson.whole(w, "failed"), TreeJson.whole(w, "indeterminate")),
                TreeJson.bool(f, "complete"), TreeJson.text(f, "note"), TreeJson.whole(f, "entries"),
                TreeJson.tally(TreeJson.field(n, "lost")),
                TreeJson.optional(n, "earliestLostAck", TreeJson::moment),
                TreeJson.optional(n, "latestLostAck", TreeJson::moment),
                TreeJson.whole(n, "lostAckedAfterT0"),
                TreeJson.optional(n, "window", TreeJson::measured),
                TreeJson.text(n, "windowNote"),
                TreeJson.whole(n, "recoveredIndeterminate"),
                TreeJson.tally(TreeJson.field(n, "recoveredFailed")),
                TreeJson.tally(TreeJson.field(n, "unexpected")),
                TreeJson.tally(TreeJson.field(n, "duplicated")));
    }

    private static JsonNode staleReads(StaleReads s) {
        ObjectNode n = NODES.objectNode().put("checked", s.checked()).put("note", s.note())
                .put("readsChecked", s.readsChecked());
        n.set("stale", TreeJson.tally(s.stale()));
        return n;
    }

    private static StaleReads staleReads(JsonNode n) {
        return new StaleReads(TreeJson.bool(n, "checked"), TreeJson.text(n, "note"), TreeJson.whole(n, "readsChecked"),
                TreeJson.tally(TreeJson.field(n, "stale")));
    }

    private static JsonNode splitBrain(SplitBrain b) {
        ObjectNode n = NODES.objectNode().put("checked", b.checked()).put("note", b.note())
                .put("writesWithoutRegion", b.writesWithoutRegion());
        n.set("divergences", TreeJson.array(b.divergences(), d -> {
            ObjectNode o = NODES.objectNode().put("regionA", d.regionA()).put("regionB", d.regionB())
                    .put("aInsideB", d.aInsideB()).put("bInsideA", d.bInsideA());
            o.set("overlapStart", TreeJson.moment(d.overlapStart()));
            o.set("overlapEnd", TreeJson.moment(d.overlapEnd()));
            o.set("examples", TreeJson.array(d.examples(), NODES::textNode));
            return o;
        }));
        return n;
    }

    private static SplitBrain splitBrain(JsonNode n) {
        return new SplitBrain(TreeJson.bool(n, "checked"), TreeJson.text(n, "note"),
                TreeJson.whole(n, "writesWithoutRegion"),
                TreeJson.list(n, "divergences", d -> new SplitBrain.Divergence(TreeJson.text(d, "regionA"),
                        TreeJson.text(d, "regionB"), TreeJson.whole(d, "aInsideB"), TreeJson.whole(d, "bInsideA"),
                        TreeJson.moment(TreeJson.field(d, "overlapStart")),
                        TreeJson.moment(TreeJson.field(d, "overlapEnd")), TreeJson.strings(d, "examples"))));
    }

    static ObjectNode clock(ClockSync c) {
        return NODES.objectNode().put("synced", c.synced()).put("maxBoundNanos", c.maxBound().toNanos())
                .put("note", c.note());
    }

    static ClockSync clock(JsonNode n) {
        return new ClockSync(TreeJson.bool(n, "synced"), Duration.ofNanos(TreeJson.whole(n, "maxBoundNanos")),
                TreeJson.text(n, "note"));
    }
}
