package io.firedrill.orchestrator.api;

import io.firedrill.model.Experiment;
import io.firedrill.model.load.Loaded;
import io.firedrill.orchestrator.schedule.ExperimentLoader;
import io.firedrill.orchestrator.store.EstateStore;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.StoredExperiment;

/**
 * Stored experiments for scheduled game days, loaded and validated as {@code POST /api/v1/runs?experiment=NAME}
 * loads them: the same document rules, the same estate resolution (registered, built-in, catalog). Blocking (JDBC).
 */
public final class StoredExperiments implements ExperimentLoader {
    private final ExperimentStore experiments;
    private final ExperimentDocuments documents;

    public StoredExperiments(ExperimentStore experiments, EstateStore estates) {
        this.experiments = experiments;
        // only its resolver is used: loading reads, and the lock of EstateReferences guards writes
        this.documents = new ExperimentDocuments(new EstateReferences(experiments, estates).resolver());
    }

    @Override
    public ExperimentLoader.Stored load(String name) {
        StoredExperiment stored = experiments.find(name).orElseThrow(() -> new Unavailable("experiment '" + name
                + "' is not stored; store it first with POST /api/v1/experiments"));
        Loaded<Experiment> loaded = documents.reload(stored);
        Experiment experiment = loaded.value().orElseThrow(() -> new Unavailable("experiment '" + name
                + "' is not valid: " + loaded.problems().size() + " problem(s); the first: "
                + loaded.problems().get(0).format()));
        return new ExperimentLoader.Stored(experiment, stored.source());
    }
}
