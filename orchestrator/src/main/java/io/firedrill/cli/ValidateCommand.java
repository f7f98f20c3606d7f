package io.firedrill.cli;

import io.firedrill.model.Document;
import io.firedrill.model.load.EstateResolver;
import io.firedrill.model.load.Loaded;
import io.firedrill.model.load.ModelLoader;
import io.firedrill.model.load.Source;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Check estate and experiment files without running anything.",
            "Every problem is printed as file:line:column path: message. Exit status: 0 all valid, 1 problems found, 2 unreadable."},
        footer = {"", "Examples:",
            "  firedrill validate experiments/catalog/*.yaml",
            "  firedrill validate my-estate.yaml my-experiment.yaml"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Estate or experiment files (YAML or JSON).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelLoader loader = new ModelLoader(EstateResolver.standard());
        int problems = 0;
        int unreadable = 0;
        for (Path file : files) {
            Source source;
            try {
                source = Source.file(file);
            } catch (IOException e) {
                err.printf("%s: cannot read: %s%n", file, e.getMessage() != null ? e.getMessage() : e);
                unreadable++;
                continue;
            }
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

}
