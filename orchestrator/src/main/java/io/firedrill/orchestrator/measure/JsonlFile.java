package io.firedrill.orchestrator.measure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A JSONL run file as {@link Replayable} evidence: each pass reads it from the start, line by line. Knowing the
 * path lets {@link RunFiles} avoid copying a history onto itself.
 *
 * @param <T> the record type of each line
 */
public final class JsonlFile<T> implements Replayable<T> {
    private final Path path;
    private final JsonlCodec<T> codec;

    JsonlFile(Path path, JsonlCodec<T> codec) {
        this.path = Objects.requireNonNull(path, "path");
        this.codec = codec;
    }

    public Path path() {
        return path;
    }

    @Override
    public Stream<T> stream() {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return codec.read(in, path.getFileName().toString());
    }
}
