package io.firedrill.model.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/** Collects the problems of one load, across the experiment and the estate file it references. */
final class Problems {
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> fileOrder = new ArrayList<>();

    /** Registers a file so that its problems sort after those of files registered before it. */
    void file(String file) {
        if (!fileOrder.contains(file)) {
            fileOrder.add(file);
        }
    }

    void add(String file, Mark mark, String path, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        file(file);
        problems.add(new Problem(file, line, column, path, message));
    }

    /** For places outside the YAML, such as a runbook's Markdown body; line and column are 1-based. */
    void add(String file, int line, int column, String path, String message) {
        file(file);
        problems.add(new Problem(file, line, column, path, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    long count(String file) {
        return problems.stream().filter(p -> p.file().equals(file)).count();
    }

    List<Problem> sorted() {
        return problems.stream()
                .sorted(Comparator.comparingInt((Problem p) -> fileOrder.indexOf(p.file()))
                        .thenComparingInt(Problem::line)
                        .thenComparingInt(Problem::column))
                .toList();
    }
}
