package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunTransition;
import java.util.List;
import java.util.Optional;

/** The sections read from the experiment (scope, objectives, scenario) and from the judgement (results, deviations). */
final class ReportSections {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NO_PLAN = "the experiment text kept with the run no longer loads (its estate is gone)";

    private ReportSections() {}

    static ObjectNode scope(Optional<ObjectNode> plan) {
        ObjectNode s = NODES.objectNode();
        JsonNode estate = plan.map(p -> p.path("estate")).orElse(NODES.missingNode());
        s.put("estate", estate.path("name").asText(null));
        s.set("regions", estate.path("regions").isArray() ? estate.path("regions") : NODES.arrayNode());
        s.set("services", estate.path("services").isArray() ? estate.path("services") : NODES.arrayNode());
        s.set("dataStores", estate.path("dataStores").isArray() ? estate.path("dataStores") : NODES.arrayNode());
        s.putArray("thirdParties");
        s.put("note", plan.isEmpty() ? NO_PLAN : "third parties: none declared in the estate; every path the run "
                + "touched is one of its links (" + estate.path("links").size() + ")");
        return s;
    }

    static ObjectNode objectives(Optional<ObjectNode> plan) {
        ObjectNode o = NODES.objectNode();
        JsonNode obj = plan.map(p -> p.path("objectives")).orElse(NODES.missingNode());
        o.put("rto", obj.path("rto").asText(null));
        o.put("rpo", obj.path("rpo").asText(null));
        o.put("steadyStateSamples", obj.path("steadyStateSamples").asInt(0));
        o.set("dataStores", obj.path("dataStores").isArray() ? obj.path("dataStores") : NODES.arrayNode());
        o.put("clockStart", "T0: the fault in effect, as its agents acknowledged it, mapped onto the orchestrator's "
                + "clock");
        o.put("clockStop", "T6: steady state again, " + obj.path("steadyStateSamples").asInt(0)
                + " consecutive good rounds of the front-door probes (or acknowledged writes without them)");
        o.put("successCriteria", "PASS when the measured figure plus its error bound is within the declared one; "
                + "FAIL when it exceeds it minus the bound; UNKNOWN otherwise or when the data cannot decide");
        ArrayNode stops = o.putArray("stopConditions");
        plan.map(p -> p.path("stopConditions")).orElse(NODES.arrayNode()).forEach(stops::add);
        return o;
    }

    static ObjectNode scenario(Optional<ObjectNode> plan) {
        ObjectNode s = NODES.objectNode();
        s.put("description", plan.map(p -> p.path("description").asText()).orElse(NO_PLAN));
        ArrayNode method = s.putArray("method");
        plan.map(p -> p.path("method")).orElse(NODES.arrayNode()).forEach(step -> method.addObject()
                .put("name", step.path("name").asText()).put("fault", step.path("fault").asText())
                .put("target", step.path("target").toString()).put("after", step.path("after").asText())
                .put("duration", step.path("duration").asText()));
        JsonNode workload = plan.map(p -> p.path("workload")).orElse(NODES.missingNode());
        s.put("workload", workload.isObject() ? workload.path("type").asText() + " at " + workload.path("rate")
                .asText() + "/s with " + workload.path("concurrency").asText() + " clients through "
                + workload.path("through").asText() : "none");
        ArrayNode assumptions = s.putArray("assumptions");
        assumptions.add("the steady-state probes hold before any fault is injected (checked in preflight)");
        assumptions.add("every fault is reverted however the run ends (rollback runs on abort and on HALT too)");
        assumptions.add("agent clocks are mapped onto the orchestrator's within the bound they report");
        return s;
    }

    static ObjectNode results(Optional<JsonNode> result, RunRecord run) {
        ObjectNode r = NODES.objectNode();
        if (result.isEmpty()) {
            r.putNull("overall");
            r.putArray("verdicts");
            r.putObject("integrity");
            r.put("note", "not judged: the run ended " + run.state()
                    + (run.cause() == null ? "" : " (" + run.cause() + ")") + " before VERIFY");
            return r;
        }
        JsonNode j = result.get();
        r.put("overall", j.path("overall").asText());
        ArrayNode verdicts = r.putArray("verdicts");
        j.path("verdicts").forEach(v -> verdicts.addObject().put("objective", v.path("objective").asText())
                .put("verdict", v.path("verdict").asText())
                .put("declared", v.path("declaredNanos").isNumber()
                        ? String.format(java.util.Locale.ROOT, "%.3f s", v.path("declaredNanos").asLong() / 1e9) : null)
                .put("measured", v.path("measured").path("text").asText(null))
                .put("reason", v.path("reason").asText()));
        ObjectNode integrity = r.putObject("integrity");
        JsonNode loss = j.path("loss");
        integrity.put("attempts", loss.path("writes").path("attempts").asLong());
        integrity.put("acknowledged", loss.path("writes").path("acknowledged").asLong());
        integrity.put("lost", count(loss.path("lost")));
        integrity.put("recoveredIndeterminate", count(loss.path("recoveredIndeterminate")));
        integrity.put("recoveredFailed", count(loss.path("recoveredFailed")));
        integrity.put("unexpected", count(loss.path("unexpected")));
        integrity.put("duplicates", count(loss.path("duplicated")));
        integrity.put("rpoWindow", loss.path("window").path("text").asText(null));
        integrity.put("staleReads", count(j.path("staleReads").path("stale")));
        integrity.put("splitBrainDivergences", j.path("splitBrain").path("divergences").size());
        integrity.put("replicationLagBeforeT0Nanos", j.path("replicationLagBeforeT0Nanos").isNumber()
                ? j.path("replicationLagBeforeT0Nanos").asLong() : null);
        r.put("note", j.path("clock").path("note").asText(""));
        return r;
    }

    private static long count(JsonNode tally) {
        return tally.isObject() ? tally.path("count").asLong() : tally.isArray() ? tally.size() : tally.asLong();
    }

    /** Where the run left its plan: an abort or halt, checkers that failed, runbook steps skipped or over time. */
    static ArrayNode deviations(RunRecord run, List<RunTransition> transitions, Optional<JsonNode> result,
            JsonNode steps) {
        ArrayNode d = NODES.arrayNode();
        if ("ABORTED".equals(run.state())) {
            d.addObject().put("kind", "aborted").put("detail", run.cause() == null ? "aborted" : run.cause());
        }
        transitions.stream().filter(t -> t.detail() != null && t.detail().toLowerCase().contains("stop condition"))
                .forEach(t -> d.addObject().put("kind", "stop-condition").put("detail", t.detail()));
        result.ifPresent(j -> j.path("checkerFailures").forEach(f -> d.addObject().put("kind", "checker-failed")
                .put("detail", f.path("checker").asText() + ": " + f.path("message").asText())));
        steps.forEach(s -> {
            if ("skipped".equals(s.path("state").asText())) {
                d.addObject().put("kind", "step-skipped").put("detail", "step " + s.path("id").asText() + " skipped: "
                        + s.path("skipped").path("note").asText(""));
            } else if ("over".equals(s.path("timing").asText())) {
                d.addObject().put("kind", "step-over-time").put("detail", "step " + s.path("id").asText() + " took "
                        + s.path("elapsedSeconds").asText() + " s against " + s.path("expected").asText());
            }
        });
        return d;
    }
}
