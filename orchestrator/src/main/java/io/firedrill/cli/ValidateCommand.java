package io.firedrill.cli;

import io.firedrill.model.Document;
import io.firedrill.model.Experiment;
import io.firedrill.model.load.EstateResolver;
import io.firedrill.model.load.ExperimentDirectory;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Check estate, experiment and runbook files without running anything.",
            "A .md file (or one whose front matter says kind: Runbook) is read as a runbook; its experiments must be",
            "in the catalog or among the files given.",
            "Every problem is printed as file:line:column path: message. Exit status: 0 all valid, 1 problems found, 2 unreadable."},
        footer = {"", "Examples:",
            "  firedrill validate experiments/catalog/*.yaml",
            "  firedrill validate my-estate.yaml my-experiment.yaml",
            "  firedrill validate runbooks/*.md",
            "  firedrill validate my-experiment.yaml my-runbook.md"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Estate or experiment files (YAML or JSON), or runbooks (Markdown with YAML front matter).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int problems = 0;
        int unreadable = 0;
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(Source.file(file));
            } catch (IOException e) {
                err.printf("%s: cannot read: %s%n", file, e.getMessage() != null ? e.getMessage() : e);
                unreadable++;
            }
        }
        ModelLoader loader = new ModelLoader(EstateResolver.standard(), runbookExperiments(sources));
        for (Source source : sources) {
            String file = source.name();
            Loaded<Document> loaded = loader.load(source);
            if (loaded.ok()) {
                Document doc = loaded.value().orElseThrow();
                out.printf("%s: ok (%s '%s')%n", file, doc.kind().wireName(), doc.name());
            } else {
                loaded.problems().forEach(p -> out.println(p.format()));
                problems += loaded.problems().size();
            }
        }
        out.printf("%d file(s), %d problem(s)%s%n", files.size(), problems,
                unreadable > 0 ? ", " + unreadable + " unreadable" : "");
        return unreadable > 0 ? 2 : problems > 0 ? 1 : 0;
    }

    /**
     * What runbooks may apply to: the experiments among the files, then the catalog's, so that a team can
     * validate a runbook together with the experiment it was written for before either is stored.
     */
    private static ExperimentDirectory runbookExperiments(List<Source> sources) {
        ModelLoader plain = new ModelLoader(EstateResolver.standard());
        List<Experiment> given = sources.stream()
                .filter(s -> !ModelLoader.isRunbook(s))
                .flatMap(s -> plain.load(s).value().stream())
                .filter(Experiment.class::isInstance)
                .map(Experiment.class::cast)
                .toList();
        return ExperimentDirectory.of(given).and(ExperimentDirectory.catalog());
    }

}
