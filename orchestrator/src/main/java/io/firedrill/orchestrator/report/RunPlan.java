package io.firedrill.orchestrator.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.model.Experiment;
import io.firedrill.model.ModelJson;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.CompositeEstateResolver;
import io.firedrill.model.load.EstateResolver;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.store.EstateStore;
import java.util.List;
import java.util.Optional;

/**
 * The experiment a run executed, read from the text kept with the run (not the stored experiment, which may have
 * changed since), with its estate resolved as the API resolves it: registered estates, then the catalog.
 */
final class RunPlan {
    private final ModelLoader loader;

    RunPlan(EstateStore estates) {
        EstateResolver registered = (ref, from) -> estates.find(ref)
                .<EstateResolver.Resolution>map(s -> new EstateResolver.Resolution.Found(
                        Source.text(s.name() + "." + s.format(), s.source())))
                .orElseGet(() -> new EstateResolver.Resolution.NotFound(List.of("the registered estates")));
        this.loader = new ModelLoader(new CompositeEstateResolver(List.of(registered,
                ClasspathEstateResolver.catalog())));
    }

    /** The experiment as a JSON tree (estate inlined), or empty when its text no longer loads (an estate deleted). */
    Optional<ObjectNode> of(String runId, String source) {
        if (source == null) {
            return Optional.empty();
        }
        Loaded<Experiment> loaded = loader.loadExperiment(Source.text(runId + ".yaml", source));
        return loaded.value().map(ModelJson::toTree);
    }
}
