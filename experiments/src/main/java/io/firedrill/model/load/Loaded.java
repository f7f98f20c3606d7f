package io.firedrill.model.load;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of loading a document: the value when nothing is wrong, otherwise every problem found.
 * A value is never handed out alongside problems, so nobody runs a half-valid experiment.
 *
 * @param problems sorted by file (the loaded file first, then the estate it references), line, column
 */
public record Loaded<T>(Optional<T> value, List<Problem> problems) {
    public Loaded {
        Objects.requireNonNull(value, "value");
        problems = List.copyOf(problems);
        if (value.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("a value exactly when there are no problems");
        }
    }

    static <T> Loaded<T> of(T value) {
        return new Loaded<>(Optional.of(value), List.of());
    }

    static <T> Loaded<T> failed(List<Problem> problems) {
        return new Loaded<>(Optional.empty(), problems);
    }

    public boolean ok() {
        return value.isPresent();
    }

    /** The value, or an {@link InvalidDocumentException} that carries the problems. */
    public T orElseThrow() {
        return value.orElseThrow(() -> new InvalidDocumentException(problems));
    }

    public <U> Loaded<U> map(Function<? super T, ? extends U> f) {
        return new Loaded<>(value.map(f), problems);
    }

    /** One problem per line, for a terminal or a log. */
    public String report() {
        return problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    }
}
