package io.firedrill.model.load;

import io.firedrill.model.Experiment;
import java.util.List;
import java.util.Optional;

/**
 * {@link ExperimentDirectory#catalog()}. The catalog is loaded on first use, not when a loader is made:
 * most loads never need it, and it costs a file read and a full load per experiment.
 */
final class CatalogExperiments implements ExperimentDirectory {
    static final ExperimentDirectory DIRECTORY = new CatalogExperiments();

    private CatalogExperiments() {}

    @Override
    public Optional<Experiment> find(String name) {
        return Holder.EXPERIMENTS.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Override
    public List<String> names() {
        return Holder.EXPERIMENTS.stream().map(Experiment::name).toList();
    }

    private static final class Holder {
        static final List<Experiment> EXPERIMENTS = Catalog.experiments().stream()
                .map(source -> new ModelLoader().loadExperiment(source).orElseThrow())
                .toList();
    }
}
