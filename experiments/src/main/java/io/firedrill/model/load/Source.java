package io.firedrill.model.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of a document with its display name and where it came from; the origin is what estate
 * references are resolved against.
 *
 * @param name the name shown in problems: the path as the user gave it, or the classpath resource
 */
public record Source(String name, String text, Origin origin) {
    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    /** Where a source was read from. */
    public sealed interface Origin {
        record File(Path path) implements Origin {}

        record Classpath(ClassLoader loader, String resource) implements Origin {}

        /** Text given directly, as in an API request: it has no folder, so only catalog references resolve. */
        record Text() implements Origin {}
    }

    /** Text that did not come from a file, such as an API request body. */
    public static Source text(String name, String text) {
        return new Source(name, text, new Origin.Text());
    }

    /** Reads a UTF-8 file; its display name is {@code path} as given. */
    public static Source file(Path path) throws IOException {
        return new Source(path.toString(), Files.readString(path, StandardCharsets.UTF_8), new Origin.File(path));
    }

    /** A resource of this module's class loader, such as {@code catalog/region-blackout.yaml}. */
    public static Source classpath(String resource) {
        return classpath(Source.class.getClassLoader(), resource)
                .orElseThrow(() -> new IllegalArgumentException("no classpath resource " + resource));
    }

    /** The resource, or empty when {@code loader} has none of that name. */
    public static Optional<Source> classpath(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(new Source(resource, text, new Origin.Classpath(loader, resource)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }
}
