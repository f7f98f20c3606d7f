package io.firedrill.orchestrator.measure;

import java.util.List;
import java.util.stream.Stream;

/**
 * Evidence that can be read from the start more than once: a list in memory, or a JSONL file read line by line.
 * A history of a million operations does not fit comfortably in memory as objects, so the checkers take one
 * streaming pass over it and keep only what they need per write.
 *
 * @param <T> what each element is
 */
@FunctionalInterface
public interface Replayable<T> {
    /** A fresh pass from the first element; the caller closes it (it may hold a file open). */
    Stream<T> stream();

    static <T> Replayable<T> of(List<T> items) {
        List<T> copy = List.copyOf(items);
        return copy::stream;
    }

    static <T> Replayable<T> empty() {
        return Stream::empty;
    }
}
