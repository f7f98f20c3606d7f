package io.firedrill.orchestrator.measure;

import static io.firedrill.orchestrator.measure.TreeJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.model.Objectives;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * {@code evidence.json}: every piece of {@link RunEvidence} that is not a stream — objectives, clock quality,
 * front-door probes, fault marks, estate events, the final read's summary — so that with the three JSONL files
 * it is all a judgement needs.
 */
final class EvidenceJson {
    static final String SCHEMA = "firedrill/evidence/v1";

    private EvidenceJson() {}

    static String write(RunEvidence e) {
        ObjectNode n = NODES.objectNode().put("schema", SCHEMA).put("runId", e.runId());
        Objectives o = e.objectives();
        ObjectNode objectives = n.putObject("objectives").put("rtoNanos", o.rto().toNanos())
                .put("rpoNanos", o.rpo().toNanos()).put("steadyStateSamples", o.steadyStateSamples());
        objectives.set("dataStores", TreeJson.array(o.dataStores(), s -> NODES.objectNode()
                .put("dataStore", s.dataStore()).put("rtoNanos", s.rto().toNanos())
                .put("rpoNanos", s.rpo().toNanos())));
        n.set("clock", ResultJson.clock(e.clock()));
        n.put("clockStartFault", e.clockStartFault().orElse(null));
        n.set("frontDoorProbes", TreeJson.array(e.frontDoorProbes(), p -> NODES.objectNode().put("name", p.name())
                .put("intervalNanos", p.interval().toNanos())));
        n.set("faults", TreeJson.array(e.faults(), f -> {
            ObjectNode m = NODES.objectNode().put("fault", f.fault()).put("kind", f.kind()).put("target", f.target());
            m.set("inEffect", TreeJson.moment(f.inEffect()));
            m.set("reverted", TreeJson.optional(f.reverted(), TreeJson::moment));
            return m;
        }));
        n.set("estateEvents", TreeJson.array(e.estateEvents(), v -> NODES.objectNode().put("type", v.type())
                .put("region", v.region()).put("nanos", v.nanos()).put("wall", WallTime.format(v.wall()))
                .put("boundMicros", v.boundMicros()).put("detail", v.detail())));
        n.set("replicationLagBeforeT0Nanos", TreeJson.optional(e.replicationLagBeforeT0(),
                d -> NODES.numberNode(d.toNanos())));
        FinalRead f = e.finalRead();
        ObjectNode read = n.putObject("finalRead").put("complete", f.complete()).put("region", f.region())
                .put("note", f.note());
        read.set("entries", f.expectedEntries().isPresent() ? NODES.numberNode(f.expectedEntries().getAsLong())
                : NODES.nullNode());
        return TreeJson.pretty(n);
    }

    /** The evidence described by {@code json}, with the three streams given. */
    static RunEvidence read(String json, Replayable<Op> history, Replayable<ProbeSample> probes,
            Replayable<FinalRead.Entry> finalRead) {
        JsonNode n = TreeJson.parse(json, "evidence.json");
        try {
            String schema = TreeJson.text(n, "schema");
            if (!schema.equals(SCHEMA)) {
                throw new IllegalArgumentException("field 'schema': expected " + SCHEMA + ", got '" + schema + "'");
            }
            RunEvidence.Builder b = RunEvidence.builder(TreeJson.text(n, "runId"),
                            objectives(TreeJson.field(n, "objectives")))
                    .history(history)
                    .probes(probes)
                    .clock(ResultJson.clock(TreeJson.field(n, "clock")))
                    .frontDoorProbes(TreeJson.list(n, "frontDoorProbes", p -> new FrontDoorProbe(
                            TreeJson.text(p, "name"), Duration.ofNanos(TreeJson.whole(p, "intervalNanos")))))
                    .faults(TreeJson.list(n, "faults", f -> new FaultMark(TreeJson.text(f, "fault"),
                            TreeJson.text(f, "kind"), TreeJson.text(f, "target"),
                            TreeJson.moment(TreeJson.field(f, "inEffect")),
                            TreeJson.optional(f, "reverted", TreeJson::moment))))
                    .estateEvents(TreeJson.list(n, "estateEvents", v -> new EstateEvent(TreeJson.text(v, "type"),
                            TreeJson.nullableText(v, "region"), TreeJson.whole(v, "nanos"), TreeJson.wall(v, "wall"),
                            TreeJson.whole(v, "boundMicros"), TreeJson.nullableText(v, "detail"))))
                    .finalRead(finalRead(TreeJson.field(n, "finalRead"), finalRead));
            String clockStart = TreeJson.nullableText(n, "clockStartFault");
            if (clockStart != null) {
                b.clockStartFault(clockStart);
            }
            TreeJson.optional(n, "replicationLagBeforeT0Nanos", v -> Duration.ofNanos(v.asLong()))
                    .ifPresent(b::replicationLagBeforeT0);
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EvidenceException("evidence.json: " + Judgement.describe(e), e);
        }
    }

    private static Objectives objectives(JsonNode n) {
        return new Objectives(Duration.ofNanos(TreeJson.whole(n, "rtoNanos")),
                Duration.ofNanos(TreeJson.whole(n, "rpoNanos")), (int) TreeJson.whole(n, "steadyStateSamples"),
                TreeJson.list(n, "dataStores", s -> new Objectives.StoreObjective(TreeJson.text(s, "dataStore"),
                        Duration.ofNanos(TreeJson.whole(s, "rtoNanos")),
                        Duration.ofNanos(TreeJson.whole(s, "rpoNanos")))));
    }

    private static FinalRead finalRead(JsonNode n, Replayable<FinalRead.Entry> entries) {
        OptionalLong expected = TreeJson.optional(n, "entries", JsonNode::asLong)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        return new FinalRead(TreeJson.bool(n, "complete"), TreeJson.nullableText(n, "region"),
                TreeJson.nullableText(n, "note"), expected, entries);
    }
}
