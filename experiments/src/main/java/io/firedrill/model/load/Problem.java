package io.firedrill.model.load;

import java.util.Objects;

/**
 * One thing wrong with a document, located for a human: {@code region-blackout.yaml:14:9 method[0].fault:
 * unknown fault 'blackhole'; expected one of region-blackout, ...}.
 *
 * @param file    the display name of the file, as the user gave it
 * @param line    1-based
 * @param column  1-based
 * @param path    where in the document, such as {@code method[0].fault} or {@code links[2].upstream};
 *                empty for the document as a whole (a YAML syntax error)
 * @param message names the bad value and what was expected
 */
public record Problem(String file, int line, int column, String path, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column path: message}, the form compilers use so that editors can jump to it. */
    public String format() {
        return file + ":" + line + ":" + column + (path.isEmpty() ? "" : " " + path) + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
