package io.firedrill.model.load;

import io.firedrill.model.Experiment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The experiments a runbook may apply to, by name. The loader checks a runbook's {@code experiments}
 * against it, and its http actions' targets against those experiments' estates. {@code firedrill
 * validate} uses the catalog and the experiment files given with the runbook; the orchestrator can
 * answer from its stored experiments.
 */
public interface ExperimentDirectory {
    /** The experiment of that name, or empty when there is none. */
    Optional<Experiment> find(String name);

    /** Every name, in the order a "expected one of" message lists them. */
    List<String> names();

    /** The built-in catalog's experiments, loaded once on first use. */
    static ExperimentDirectory catalog() {
        return CatalogExperiments.DIRECTORY;
    }

    /** Exactly these experiments; a later one of the same name replaces an earlier one. */
    static ExperimentDirectory of(Collection<Experiment> experiments) {
        Map<String, Experiment> byName = new LinkedHashMap<>();
        experiments.forEach(e -> byName.put(e.name(), e));
        List<String> names = List.copyOf(byName.keySet());
        return new ExperimentDirectory() {
            @Override
            public Optional<Experiment> find(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public List<String> names() {
                return names;
            }
        };
    }

    /** This directory, then {@code more} for the names this one lacks. */
    default ExperimentDirectory and(ExperimentDirectory more) {
        ExperimentDirectory first = this;
        return new ExperimentDirectory() {
            @Override
            public Optional<Experiment> find(String name) {
                return first.find(name).or(() -> more.find(name));
            }

            @Override
            public List<String> names() {
                LinkedHashSet<String> all = new LinkedHashSet<>(first.names());
                all.addAll(more.names());
                return new ArrayList<>(all);
            }
        };
    }
}
