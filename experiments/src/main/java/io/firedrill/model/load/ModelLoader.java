package io.firedrill.model.load;

import io.firedrill.model.Document;
import io.firedrill.model.Estate;
import io.firedrill.model.Experiment;
import io.firedrill.model.FaultOrder;
import io.firedrill.model.Runbook;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads estates and experiments from YAML or JSON text (JSON is read as YAML, through the same checks),
 * and runbooks from Markdown with YAML front matter.
 * Reports every problem of a document with file, line and column, never just the first, and never
 * throws on bad input. Stateless and thread-safe.
 *
 * <pre>{@code
 * Loaded<Experiment> loaded = new ModelLoader().loadExperiment(Source.file(path));
 * loaded.problems().forEach(p -> System.err.println(p.format()));
 * }</pre>
 */
public final class ModelLoader {
    private final EstateResolver resolver;
    private final ExperimentDirectory experiments;

    /**
     * Resolves estate references next to a file experiment, then in the built-in catalog; runbooks may
     * apply to the catalog's experiments.
     */
    public ModelLoader() {
        this(EstateResolver.standard());
    }

    public ModelLoader(EstateResolver resolver) {
        this(resolver, ExperimentDirectory.catalog());
    }

    /** @param experiments what a runbook's {@code experiments} and its actions' targets are checked against */
    public ModelLoader(EstateResolver resolver, ExperimentDirectory experiments) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.experiments = Objects.requireNonNull(experiments, "experiments");
    }

    /**
     * Loads whichever kind of document {@code source} is: a runbook when {@link #isRunbook} says so,
     * otherwise as told by its {@code kind} field.
     */
    public Loaded<Document> load(Source source) {
        if (isRunbook(source)) {
            return loadRunbook(source).map(Document.class::cast);
        }
        return load(source, Optional.empty()).map(Document.class::cast);
    }

    /** A Markdown file by its name ({@code .md}, {@code .markdown}), or any file whose front matter says {@code kind: Runbook}. */
    public static boolean isRunbook(Source source) {
        return FrontMatter.isRunbook(source);
    }

    /**
     * Loads a runbook: Markdown with its fields in YAML front matter between {@code ---} lines. Problems
     * carry the line numbers of the Markdown file.
     */
    public Loaded<Runbook> loadRunbook(Source source) {
        Problems problems = new Problems();
        Optional<Runbook> runbook = FrontMatter.split(source, problems).flatMap(parts ->
                YamlText.compose(parts.yaml(), problems, FrontMatter.EMPTY).flatMap(root ->
                        new RunbookReader(experiments, problems, parts).read(new YamlNode(source.name(), problems, root, ""))));
        if (problems.isEmpty() && runbook.isEmpty()) {
            throw new IllegalStateException("no runbook and no problem for " + source.name());
        }
        return problems.isEmpty() ? Loaded.of(runbook.get()) : Loaded.failed(problems.sorted());
    }

    /** Loads an experiment; a document of another kind is a problem. */
    public Loaded<Experiment> loadExperiment(Source source) {
        return load(source, Optional.of(Document.Kind.EXPERIMENT)).map(Experiment.class::cast);
    }

    /** Loads an estate; a document of another kind is a problem. */
    public Loaded<Estate> loadEstate(Source source) {
        return load(source, Optional.of(Document.Kind.ESTATE)).map(Estate.class::cast);
    }

    /**
     * Loads a fault to apply by hand ({@code fault}, {@code target}, optional {@code duration} and
     * {@code lease}), its references checked against {@code estate}.
     */
    public Loaded<FaultOrder> loadFault(Source source, Estate estate) {
        Problems problems = new Problems();
        Optional<FaultOrder> order = YamlText.compose(source, problems).flatMap(root ->
                new FaultOrderReader(EstateIndex.of(estate)).read(new YamlNode(source.name(), problems, root, "")));
        if (problems.isEmpty() && order.isEmpty()) {
            throw new IllegalStateException("no fault and no problem for " + source.name());
        }
        return problems.isEmpty() ? Loaded.of(order.get()) : Loaded.failed(problems.sorted());
    }

    private Loaded<Object> load(Source source, Optional<Document.Kind> expected) {
        Problems problems = new Problems();
        Optional<? extends Document> document = read(source, expected, problems);
        if (problems.isEmpty() && document.isEmpty()) {
            throw new IllegalStateException("no document and no problem for " + source.name());
        }
        return problems.isEmpty() ? Loaded.of(document.get()) : Loaded.failed(problems.sorted());
    }

    private Optional<? extends Document> read(Source source, Optional<Document.Kind> expected, Problems problems) {
        Optional<Node> root = YamlText.compose(source, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlNode node = new YamlNode(source.name(), problems, root.get(), "");
        return Header.kind(node, expected).flatMap(kind -> switch (kind) {
            case ESTATE -> new EstateReader().read(node, false);
            case EXPERIMENT -> new ExperimentReader(source, resolver, estate -> readEstateFile(estate, problems)).read(node);
            case RUNBOOK -> Optional.empty(); // Header.kind reports it: a runbook is Markdown, never a YAML document
        });
    }

    private ExperimentReader.EstateRead readEstateFile(Source source, Problems problems) {
        long before = problems.count(source.name());
        problems.file(source.name());
        Optional<Node> root = YamlText.compose(source, problems);
        EstateReader reader = new EstateReader();
        Optional<Estate> estate = Optional.empty();
        EstateIndex index = EstateIndex.unknown();
        if (root.isPresent()) {
            YamlNode node = new YamlNode(source.name(), problems, root.get(), "");
            if (Header.kind(node, Optional.of(Document.Kind.ESTATE)).isPresent()) {
                estate = reader.read(node, false);
                index = reader.index(); // names read even from a broken estate keep its references checkable
            }
        }
        return new ExperimentReader.EstateRead(estate, index, problems.count(source.name()) - before);
    }
}
