package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The timeline chart's data, per second of the run's own clock: per region, probe samples that met and missed their
 * expectation and the slowest latency; workload completions (ok, fail, info); fault bands; the marks T0–T6. Kept in
 * the report's JSON so that a frozen report draws the same chart as it did when it was signed off.
 */
final class TimelineSeries {
    private static final double NANOS = 1_000_000_000.0;
    private static final int TRANSITIONS_SHOWN = 500;

    private TimelineSeries() {}

    static ObjectNode of(RunArtifacts files) {
        Map<String, TreeMap<Long, long[]>> probes = new TreeMap<>();
        TreeMap<Long, long[]> workload = new TreeMap<>();
        double[] end = {0};
        files.lines("probes.jsonl", p -> {
            long second = p.path("nanos").asLong() / 1_000_000_000L;
            long[] b = probes.computeIfAbsent(p.path("region").asText("?"), r -> new TreeMap<>())
                    .computeIfAbsent(second, s -> new long[3]);
            b[p.path("ok").asBoolean() ? 0 : 1]++;
            b[2] = Math.max(b[2], p.path("latencyMicros").asLong());
            end[0] = Math.max(end[0], second + 1);
        });
        files.lines("history.jsonl", h -> {
            String type = h.path("type").asText();
            int slot = switch (type) {
                case "ok" -> 0;
                case "fail" -> 1;
                case "info" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                long second = h.path("nanos").asLong() / 1_000_000_000L;
                workload.computeIfAbsent(second, s -> new long[3])[slot]++;
                end[0] = Math.max(end[0], second + 1);
            }
        });
        ObjectNode chart = JsonNodeFactory.instance.objectNode();
        ArrayNode regions = chart.putArray("probes");
        probes.forEach((region, seconds) -> {
            ObjectNode r = regions.addObject();
            r.put("region", region);
            ArrayNode points = r.putArray("points");
            seconds.forEach((s, b) -> points.addArray().add(s).add(b[0]).add(b[1]).add(b[2] / 1000.0));
        });
        ArrayNode points = chart.putArray("workload");
        workload.forEach((s, b) -> points.addArray().add(s).add(b[0]).add(b[1]).add(b[2]));
        ArrayNode faults = chart.putArray("faults");
        files.json("evidence.json").ifPresent(e -> e.path("faults").forEach(f -> {
            ObjectNode band = faults.addObject();
            band.put("name", f.path("fault").asText());
            band.put("kind", f.path("kind").asText());
            double from = seconds(f.path("inEffect"));
            double to = f.path("reverted").isObject() ? seconds(f.path("reverted")) : end[0];
            band.put("from", from);
            band.put("to", to);
            end[0] = Math.max(end[0], to);
        }));
        ArrayNode marks = chart.putArray("marks");
        files.json("timeline.json").ifPresent(t -> t.path("marks").forEach(m -> {
            if (m.path("observed").asBoolean() && m.path("at").isObject()) {
                double at = seconds(m.path("at"));
                marks.addObject().put("id", m.path("id").asText()).put("at", at);
                end[0] = Math.max(end[0], at);
            }
        }));
        chart.put("seconds", Math.max(1, Math.ceil(end[0])));
        return chart;
    }

    /**
     * Each time a probe's outcome in a region flipped (met to missed or back), with its first sample: what a reader
     * lines up against the faults and the marks. At most {@value #TRANSITIONS_SHOWN}; a flapping probe would
     * otherwise bury the rest.
     */
    static ArrayNode probeTransitions(RunArtifacts files) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Map<String, Boolean> last = new TreeMap<>();
        files.lines("probes.jsonl", p -> {
            String key = p.path("probe").asText() + "@" + p.path("region").asText();
            boolean ok = p.path("ok").asBoolean();
            Boolean before = last.put(key, ok);
            if ((before == null || before != ok) && out.size() < TRANSITIONS_SHOWN) {
                out.addObject().put("wall", p.path("wall").asText()).put("probe", p.path("probe").asText())
                        .put("region", p.path("region").asText()).put("ok", ok)
                        .put("detail", p.path("detail").asText(null));
            }
        });
        return out;
    }

    private static double seconds(JsonNode moment) {
        return moment.path("nanos").asLong() / NANOS;
    }
}
