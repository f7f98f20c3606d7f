package io.firedrill.orchestrator.rehearsal;

import io.firedrill.model.Experiment;
import io.firedrill.model.Runbook;
import io.firedrill.model.load.Catalog;
import io.firedrill.model.load.ClasspathEstateResolver;
import io.firedrill.model.load.ExperimentDirectory;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.schedule.ExperimentLoader;
import io.firedrill.orchestrator.store.ExperimentStore;
import io.firedrill.orchestrator.store.RunbookStore;
import io.firedrill.orchestrator.store.StoredRunbook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbooks game days can rehearse: the built-in ones (classpath {@code runbooks/}, loaded once) and those sent
 * over the API. A stored runbook is checked against the stored experiments and the catalog when it is sent, and read
 * again the same way each time it is used, so one whose experiments went away says so instead of being used.
 * Blocking (JDBC): call from a worker.
 */
final class Runbooks {
    /** A runbook the orchestrator knows, loaded (or with the problems it has now). */
    record Known(String id, Loaded<Runbook> loaded, String source, boolean builtIn, String createdBy,
            Instant createdAt) {}

    private static final class Catalogued {
        static final List<Known> ALL = Catalog.runbooks().stream().map(s -> {
            Loaded<Runbook> loaded = new ModelLoader().loadRunbook(s);
            String id = loaded.value().map(Runbook::id).orElse(s.name());
            return new Known(id, loaded, s.text(), true, null, null);
        }).toList();
    }

    private final RunbookStore store;
    private final ExperimentStore experiments;
    private final ExperimentLoader loader;

    Runbooks(RunbookStore store, ExperimentStore experiments, ExperimentLoader loader) {
        this.store = store;
        this.experiments = experiments;
        this.loader = loader;
    }

    /** Built-in ones first, then the stored ones by id. */
    List<Known> list() {
        List<Known> all = new ArrayList<>(Catalogued.ALL);
        ExperimentDirectory directory = directory();
        store.list().forEach(s -> all.add(known(s, directory)));
        return all;
    }

    Optional<Known> find(String id) {
        Optional<Known> builtIn = builtIn(id);
        return builtIn.isPresent() ? builtIn : store.find(id).map(s -> known(s, directory()));
    }

    static Optional<Known> builtIn(String id) {
        return Catalogued.ALL.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The ids there are, for "known ones are ..." messages. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(Catalogued.ALL.stream().map(Known::id).toList());
        store.list().forEach(s -> ids.add(s.id()));
        return ids;
    }

    /** Loads a runbook sent over the API; {@code name} is what its problems are reported against. */
    Loaded<Runbook> load(String name, String markdown) {
        return loader(directory()).loadRunbook(Source.text(name, markdown));
    }

    private Known known(StoredRunbook s, ExperimentDirectory directory) {
        return new Known(s.id(), loader(directory).loadRunbook(Source.text(s.id() + ".md", s.source())), s.source(),
                false, s.createdBy(), s.createdAt());
    }

    /** Never a resolver that reads files: a document sent over HTTP must not make the server read its own. */
    private static ModelLoader loader(ExperimentDirectory directory) {
        return new ModelLoader(ClasspathEstateResolver.catalog(), directory);
    }

    /** The stored experiments that load, then the catalog's for the names they lack. */
    private ExperimentDirectory directory() {
        List<Experiment> stored = new ArrayList<>();
        for (var e : experiments.list()) {
            try {
                stored.add(loader.load(e.name()).experiment());
            } catch (ExperimentLoader.Unavailable invalid) {
                // an experiment that does not load is no experiment to rehearse against
            }
        }
        return ExperimentDirectory.of(stored).and(ExperimentDirectory.catalog());
    }
}
