package io.firedrill.model.load;

import java.util.List;

/** A document was used although it has problems; the API maps it to 400 with the problems listed. */
public final class InvalidDocumentException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidDocumentException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder s = new StringBuilder(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        problems.forEach(p -> s.append('\n').append(p.format()));
        return s.toString();
    }
}
