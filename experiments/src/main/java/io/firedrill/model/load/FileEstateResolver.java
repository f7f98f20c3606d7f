package io.firedrill.model.load;

import io.firedrill.model.load.EstateResolver.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a reference as a path relative to the folder of the experiment file. Applies only to
 * sources read from files.
 *
 * <p>A server that loads experiments on behalf of users should use {@link #within(Path)}: otherwise a
 * document could reference any file the server can read.
 */
public final class FileEstateResolver implements EstateResolver {
    private final Optional<Path> root;

    /** Any path relative to the experiment file, as a command-line tool wants. */
    public FileEstateResolver() {
        this.root = Optional.empty();
    }

    private FileEstateResolver(Path root) {
        this.root = Optional.of(root.toAbsolutePath().normalize());
    }

    /** Only files inside {@code root}. */
    public static FileEstateResolver within(Path root) {
        return new FileEstateResolver(root);
    }

    @Override
    public Resolution resolve(String ref, Source from) {
        if (!(from.origin() instanceof Source.Origin.File file)) {
            return new Resolution.NotFound(List.of());
        }
        Path folder = file.path().getParent();
        Path path = (folder == null ? Path.of(ref) : folder.resolve(ref)).normalize();
        if (root.isPresent() && !path.toAbsolutePath().normalize().startsWith(root.get())) {
            return new Resolution.Unreadable("file " + path + " is outside " + root.get());
        }
        if (!Files.exists(path)) {
            return new Resolution.NotFound(List.of("file " + path));
        }
        try {
            return new Resolution.Found(Source.file(path));
        } catch (IOException e) {
            return new Resolution.Unreadable("cannot read file " + path + ": " + e);
        }
    }
}
