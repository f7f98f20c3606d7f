package io.firedrill.orchestrator.api;

import java.util.List;

/**
 * A document that did not validate: the message summarises, {@code problems} lists every one of them
 * (each with line, column, field path, bad value and what was expected).
 */
public class ValidationFailed extends ApiException {
    private final List<?> problems;

    public ValidationFailed(String message, List<?> problems) {
        this(400, message, problems);
    }

    /** With another status: a 409 whose cause is other documents' problems, say. */
    public ValidationFailed(int status, String message, List<?> problems) {
        super(status, message);
        this.problems = List.copyOf(problems);
    }

    public List<?> problems() {
        return problems;
    }
}
