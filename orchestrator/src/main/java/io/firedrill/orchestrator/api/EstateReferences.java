package io.firedrill.orchestrator.api;

import io.firedrill.model.Experiment;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.CompositeEstateResolver;
import io.firedrill.model.load.EstateResolver;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Problem;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.store.EstateStore;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.StoredExperiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How stored experiments and registered estates refer to each other, shared by the experiments and
 * the estates API: the resolver that API documents load with (registered and built-in estates by name,
 * then the catalog by file name), the questions "who uses this estate?" and "whom would this
 * replacement break?", and the lock that keeps the answers true until the write that relied on them.
 *
 * <p>An experiment's reference is text inside its source, not a foreign key, so the only faithful way to
 * find it is to load the experiment with the resolver watching: the same rules then decide what is a
 * reference here and when the experiment is used.
 *
 * <p>Blocking (JDBC): call it on a worker. The lock is per process; orchestrators sharing one
 * PostgreSQL database will need a database lock for the same guarantee.
 */
public final class EstateReferences {
    private static final EstateResolver CATALOG = ClasspathEstateResolver.catalog();

    private final ExperimentStore experiments;
    private final EstateResolver resolver;
    private final ReentrantLock writes = new ReentrantLock();

    public EstateReferences(ExperimentStore experiments, EstateStore estates) {
        this.experiments = experiments;
        this.resolver = new CompositeEstateResolver(
                List.of(new StoredEstateResolver(estates), CATALOG));
    }

    /** What experiments submitted over the API resolve their {@code estate} with. */
    EstateResolver resolver() {
        return resolver;
    }

    /**
     * Runs a check and the write that depends on it with no other such pair in between: an experiment
     * created against an estate while that estate is being replaced or deleted, say.
     */
    <T> T exclusively(Callable<T> checkAndWrite) throws Exception {
        writes.lock();
        try {
            return checkAndWrite.call();
        } finally {
            writes.unlock();
        }
    }

    /** The stored experiments whose {@code estate} names {@code estate}, by name. */
    List<String> usersOf(String estate) {
        List<String> users = new ArrayList<>();
        for (StoredExperiment stored : experiments.list()) {
            AtomicBoolean uses = new AtomicBoolean();
            // nothing else needs to resolve: only whether the reference is asked for counts
            load(stored, (ref, from) -> {
                if (names(ref, estate, from)) {
                    uses.set(true);
                }
                return new EstateResolver.Resolution.NotFound(List.of());
            });
            if (uses.get()) {
                users.add(stored.name());
            }
        }
        return users;
    }

    /**
     * The stored experiments that load today but would not with {@code replacement} as {@code estate},
     * each with its problems then. An experiment that is broken already is not counted against the
     * replacement.
     */
    Map<String, List<Problem>> brokenBy(String estate, Source replacement) {
        Map<String, List<Problem>> broken = new LinkedHashMap<>();
        for (StoredExperiment stored : experiments.list()) {
            AtomicBoolean uses = new AtomicBoolean();
            // an experiment has one estate: when it is another one, this load's outcome does not count
            Loaded<Experiment> after = load(stored, (ref, from) -> {
                if (!ref.equals(estate)) {
                    return new EstateResolver.Resolution.NotFound(List.of());
                }
                uses.set(true);
                return new EstateResolver.Resolution.Found(replacement);
            });
            if (uses.get() && !after.ok() && load(stored, resolver).ok()) {
                broken.put(stored.name(), after.problems());
            }
        }
        return broken;
    }

    /** Whether {@code ref} means {@code estate}; a built-in one is also named by its catalog file. */
    private static boolean names(String ref, String estate, Source from) {
        if (ref.equals(estate)) {
            return true;
        }
        Optional<Source> builtIn = BuiltInEstates.find(estate);
        return builtIn.isPresent() && !StoredEstateResolver.isName(ref)
                && CATALOG.resolve(ref, from) instanceof EstateResolver.Resolution.Found found
                && found.source().name().equals(builtIn.get().name());
    }

    private static Loaded<Experiment> load(StoredExperiment stored, EstateResolver with) {
        return new ModelLoader(with).loadExperiment(ExperimentDocuments.source(stored));
    }
}
