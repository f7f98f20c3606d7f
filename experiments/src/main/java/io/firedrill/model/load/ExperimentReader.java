package io.firedrill.model.load;

import io.firedrill.model.Estate;
import io.firedrill.model.Experiment;
import io.firedrill.model.Objectives;
import io.firedrill.model.Probe;
import io.firedrill.model.RollbackAction;
import io.firedrill.model.Step;
import io.firedrill.model.StopCondition;
import io.firedrill.model.Workload;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads an experiment. The estate is read first, wherever it appears in the document, because every
 * other section refers to it; probes are read before the stop conditions that name them.
 */
final class ExperimentReader {
    static final List<String> FIELDS = List.of("apiVersion", "kind", "name", "title", "description", "estate",
            "steadyState", "method", "workload", "objectives", "stopConditions", "rollback");
    private static final List<String> WORKLOAD = List.of("type", "rate", "concurrency", "keyPrefix", "through");
    private static final List<String> OBJECTIVES = List.of("rto", "rpo", "steadyStateSamples", "dataStores");
    private static final List<String> STORE_OBJECTIVE = List.of("dataStore", "rto", "rpo");
    private static final List<String> ROLLBACK = List.of("name", "action", "region", "command");
    private static final List<String> ACTIONS = List.of(RollbackAction.RevertAllFaults.ACTION, RollbackAction.RunCommand.ACTION);
    static final int DEFAULT_CONCURRENCY = 4;

    /** An estate as read for an experiment, with how many problems its own file had. */
    record EstateRead(Optional<Estate> estate, EstateIndex index, long problems) {}

    private final Source source;
    private final EstateResolver resolver;
    private final Function<Source, EstateRead> estateFiles;

    /**
     * @param estateFiles reads a referenced estate file, reporting into the same problem list
     */
    ExperimentReader(Source source, EstateResolver resolver, Function<Source, EstateRead> estateFiles) {
        this.source = source;
        this.resolver = resolver;
        this.estateFiles = estateFiles;
    }

    Optional<Experiment> read(YamlNode root) {
        return root.map(FIELDS).flatMap(m -> {
            Header.apiVersion(m, true);
            String name = m.required("name", YamlNode::slug);
            String title = m.required("title", YamlNode::text);
            String description = m.optional("description", YamlNode::text, "");
            EstateRead estate = m.required("estate", n -> Optional.of(estate(n)));
            EstateIndex index = estate == null ? EstateIndex.unknown() : estate.index();
            if (estate == null || estate.estate().isEmpty()) {
                m.incomplete();
            }
            ProbeReader probes = new ProbeReader(index);
            List<Probe> steadyState = m.list("steadyState", 1, "probe", probes::probe);
            List<Step> method = m.list("method", 1, "step", new MethodReader(index)::step);
            Optional<Workload> workload = m.optional("workload", n -> workload(n, name, index));
            Objectives objectives = m.required("objectives", n -> objectives(n, index));
            List<StopCondition> stopConditions = m.list("stopConditions", 0, "stop condition", probes::stopCondition);
            List<RollbackAction> rollback = revertFirst(m.list("rollback", 0, "rollback action", rollbackReader(index)));
            return m.build(() -> new Experiment(name, title, description, estate.estate().orElseThrow(), steadyState,
                    method, workload, objectives, stopConditions, rollback));
        });
    }

    /** A file name resolved through the resolver, or an estate written inline. */
    private EstateRead estate(YamlNode n) {
        if (n.isMapping()) {
            EstateReader reader = new EstateReader();
            return new EstateRead(reader.read(n, true), reader.index(), 0);
        }
        if (!n.isScalar()) {
            n.problem("expected an estate file name like reference-estate.yaml or an inline estate mapping, got "
                    + n.describe());
            return new EstateRead(Optional.empty(), EstateIndex.unknown(), 0);
        }
        String ref = n.scalar("").orElseThrow();
        EstateResolver.Resolution resolution = resolver.resolve(ref, source);
        if (resolution instanceof EstateResolver.Resolution.Found found) {
            EstateRead read = estateFiles.apply(found.source());
            if (read.problems() > 0) {
                n.problem("estate '" + ref + "' has " + read.problems() + (read.problems() == 1 ? " problem" : " problems")
                        + ", reported in " + found.source().name());
            }
            return read;
        }
        if (resolution instanceof EstateResolver.Resolution.NotFound notFound) {
            n.problem("cannot find estate '" + ref + "'"
                    + (notFound.tried().isEmpty() ? "" : "; tried " + String.join(", ", notFound.tried())));
        } else if (resolution instanceof EstateResolver.Resolution.Unreadable unreadable) {
            n.problem("cannot read estate '" + ref + "': " + unreadable.reason());
        }
        return new EstateRead(Optional.empty(), EstateIndex.unknown(), 0);
    }

    private static Optional<Workload> workload(YamlNode node, String experiment, EstateIndex estate) {
        return node.map(WORKLOAD).flatMap(w -> {
            Workload.Type type = w.optional("type", n -> n.oneOf(Workload.Type.class, "workload type"), Workload.Type.WRITES);
            Double rate = w.required("rate", YamlNode::positiveNumber);
            Integer concurrency = w.optional("concurrency", n -> n.integer(1, 10_000), DEFAULT_CONCURRENCY);
            String keyPrefix = w.optional("keyPrefix", YamlNode::slug, experiment);
            URI through = w.optional("through", EstateReader::httpUrl, estate.frontDoor.orElse(null));
            if (!w.has("through") && through == null && estate.known()) {
                w.self().problem("missing field 'through'; the estate has no frontDoor for the workload to default to");
            }
            if (through == null || keyPrefix == null) {
                w.incomplete();
            }
            return w.build(() -> new Workload(type, rate, concurrency, keyPrefix, through));
        });
    }

    private static Optional<Objectives> objectives(YamlNode node, EstateIndex estate) {
        return node.map(OBJECTIVES).flatMap(o -> {
            Duration rto = o.required("rto", YamlNode::positiveDuration);
            Duration rpo = o.required("rpo", YamlNode::duration);
            Integer samples = o.optional("steadyStateSamples", n -> n.integer(1, 1000), Objectives.DEFAULT_STEADY_STATE_SAMPLES);
            Names seen = Names.of("data store objective");
            List<Objectives.StoreObjective> stores = o.list("dataStores", 0, "data store objective",
                    n -> n.map(STORE_OBJECTIVE).flatMap(s -> {
                        String store = s.required("dataStore",
                                d -> d.text().filter(v -> estate.dataStores.check(d, v) && seen.declare(d, v)));
                        Duration storeRto = s.optional("rto", YamlNode::positiveDuration, rto);
                        Duration storeRpo = s.optional("rpo", YamlNode::duration, rpo);
                        if (storeRto == null || storeRpo == null) {
                            s.incomplete();
                        }
                        return s.build(() -> new Objectives.StoreObjective(store, storeRto, storeRpo));
                    }));
            return o.build(() -> new Objectives(rto, rpo, samples, stores));
        });
    }

    private static Function<YamlNode, Optional<RollbackAction>> rollbackReader(EstateIndex estate) {
        Names names = Names.of("rollback action");
        return node -> node.map(ROLLBACK).flatMap(r -> {
            String name = r.required("name", n -> n.slug().filter(v -> names.declare(n, v)));
            String action = r.required("action", n -> n.text().filter(v -> {
                if (!ACTIONS.contains(v)) {
                    n.problem(Suggest.unknown("rollback action", v, ACTIONS));
                }
                return ACTIONS.contains(v);
            }));
            if (RollbackAction.RunCommand.ACTION.equals(action)) {
                String region = r.required("region", n -> n.text().filter(v -> estate.regions.check(n, v)));
                String command = r.required("command", YamlNode::slug);
                return r.build(() -> new RollbackAction.RunCommand(name, region, command));
            }
            for (String field : List.of("region", "command")) {
                r.get(field).filter(n -> action != null).ifPresent(n -> {
                    n.problem(field + " applies only to action command, not " + action);
                    r.incomplete();
                });
            }
            return r.build(() -> new RollbackAction.RevertAllFaults(name));
        });
    }

    /** Reverting faults always runs, and runs first: later actions expect a healed network. */
    private static List<RollbackAction> revertFirst(List<RollbackAction> declared) {
        List<RollbackAction> out = new ArrayList<>();
        out.add(declared.stream()
                .filter(a -> a instanceof RollbackAction.RevertAllFaults)
                .findFirst()
                .orElse(new RollbackAction.RevertAllFaults(RollbackAction.RevertAllFaults.ACTION)));
        declared.stream().filter(a -> !(a instanceof RollbackAction.RevertAllFaults)).forEach(out::add);
        return out;
    }
}
