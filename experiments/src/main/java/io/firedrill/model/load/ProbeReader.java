package io.firedrill.model.load;

import io.firedrill.model.Expectation;
import io.firedrill.model.Probe;
import io.firedrill.model.Service;
import io.firedrill.model.StopCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the steady-state probes and the stop conditions that watch them. */
final class ProbeReader {
    private static final List<String> PROBE =
            List.of("name", "type", "region", "target", "path", "interval", "timeout", "expect", "tolerance");
    private static final List<String> STOP =
            List.of("name", "probe", "metric", "above", "for", "regions");

    private final EstateIndex estate;
    private final Names probes = Names.of("probe");
    private final Names stopConditions = Names.of("stop condition");

    ProbeReader(EstateIndex estate) {
        this.estate = estate;
    }

    Optional<Probe> probe(YamlNode node) {
        return node.map(PROBE).flatMap(m -> {
            String name = m.required("name", n -> n.slug().filter(v -> probes.declare(n, v)));
            Probe.Type type = m.required("type", n -> n.oneOf(Probe.Type.class, "probe type"));
            String region = m.required("region", n -> n.text().filter(v -> estate.regions.check(n, v)));
            String target = m.required("target", n -> n.text().filter(v -> target(n, v, type)));
            Optional<String> path = m.optional("path", n -> n.text().filter(v -> path(n, v, type)));
            Duration interval = m.required("interval", YamlNode::positiveDuration);
            Duration timeout = m.required("timeout", YamlNode::positiveDuration);
            if (interval != null && timeout != null && timeout.compareTo(interval) > 0) {
                m.get("timeout").orElseThrow().problem("expected a timeout no longer than the interval "
                        + m.get("interval").orElseThrow().describe() + ", got " + m.get("timeout").orElseThrow().describe());
            }
            Expectation expect = type == null ? null : expectation(m, type);
            Probe.Tolerance tolerance = m.optional("tolerance", this::tolerance, Probe.Tolerance.STRICT);
            Optional<String> effectivePath = path.or(() -> defaultPath(type, target));
            return m.build(() -> new Probe(name, type, region, target, effectivePath, interval, timeout, expect, tolerance));
        });
    }

    /** A probe targets a service (whose kind must suit the probe) or a link (any kind goes through a proxy). */
    private boolean target(YamlNode n, String target, Probe.Type type) {
        if (estate.links.has(target)) {
            return true;
        }
        if (!estate.services.has(target)) {
            List<String> targets = new ArrayList<>(estate.services.all());
            targets.addAll(estate.links.all());
            n.problem(Suggest.unknown("service or link", target, targets));
            return false;
        }
        Service service = estate.serviceByName.get(target);
        if (service == null || type == null || type == Probe.Type.TCP || service.kind().wireName().equals(type.wireName())) {
            return true;
        }
        n.problem("a " + type.wireName() + " probe needs a " + type.wireName() + " service or a link, but '" + target
                + "' is a service of kind " + service.kind().wireName());
        return false;
    }

    private static boolean path(YamlNode n, String path, Probe.Type type) {
        if (type != null && type != Probe.Type.HTTP) {
            n.problem("path applies only to http probes; this one is " + type.wireName());
            return false;
        }
        if (!path.startsWith("/")) {
            n.problem("expected a path like /health, got '" + path + "'");
            return false;
        }
        return true;
    }

    /** An http probe of a service checks its health path unless told otherwise; of a link, {@code /}. */
    private Optional<String> defaultPath(Probe.Type type, String target) {
        if (type != Probe.Type.HTTP) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(estate.serviceByName.get(target)).flatMap(Service::health).orElse("/"));
    }

    private static Expectation expectation(YamlMap probe, Probe.Type type) {
        return switch (type) {
            case HTTP -> probe.optional("expect", n -> n.map(List.of("status")).flatMap(e -> {
                Integer status = e.optional("status", s -> s.integer(100, 599), 200);
                return e.build(() -> new Expectation.Http(status));
            }), new Expectation.Http(200));
            case SQL -> {
                if (!probe.has("expect")) {
                    probe.self().problem("missing field 'expect'; a sql probe needs the query to run, as expect: {query: SELECT 1}");
                    probe.incomplete();
                }
                yield probe.optional("expect", n -> n.map(List.of("query")).flatMap(e -> {
                    String query = e.required("query", YamlNode::text);
                    return e.build(() -> new Expectation.Sql(query));
                }), null);
            }
            case TCP -> probe.optional("expect", n -> n.map(List.of()).map(e -> (Expectation) new Expectation.Tcp()),
                    new Expectation.Tcp());
        };
    }

    private Optional<Probe.Tolerance> tolerance(YamlNode node) {
        return node.map(List.of("successRatio")).flatMap(m -> {
            Double ratio = m.optional("successRatio", YamlNode::ratio, 1.0);
            return m.build(() -> new Probe.Tolerance(ratio));
        });
    }

    Optional<StopCondition> stopCondition(YamlNode node) {
        return node.map(STOP).flatMap(m -> {
            String name = m.required("name", n -> n.slug().filter(v -> stopConditions.declare(n, v)));
            String probe = m.required("probe", n -> n.text().filter(v -> probes.check(n, v)));
            StopCondition.Metric metric = m.required("metric", n -> n.oneOf(StopCondition.Metric.class, "metric"));
            StopCondition.Threshold above = m.required("above",
                    n -> metric == null ? Optional.<StopCondition.Threshold>empty() : threshold(n, metric));
            Duration sustainedFor = m.required("for", YamlNode::positiveDuration);
            List<String> regions = m.list("regions", 0, "region",
                    n -> n.text().filter(v -> estate.regions.check(n, v)));
            return m.build(() -> new StopCondition(name, probe, metric, above, sustainedFor, regions));
        });
    }

    private static Optional<StopCondition.Threshold> threshold(YamlNode n, StopCondition.Metric metric) {
        return switch (metric) {
            case ERROR_RATE -> n.ratio().map(StopCondition.Threshold.Ratio::new);
            case LATENCY_P99 -> n.positiveDuration().map(StopCondition.Threshold.Latency::new);
        };
    }
}
