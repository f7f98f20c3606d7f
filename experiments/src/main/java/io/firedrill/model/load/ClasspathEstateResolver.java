package io.firedrill.model.load;

import io.firedrill.model.load.EstateResolver.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a reference among classpath resources: next to the experiment when it was itself read from
 * the classpath, then in a fixed folder — {@code catalog/} for the built-in catalog, which is how the
 * catalog experiments find {@code reference-estate.yaml} inside the jar.
 */
public final class ClasspathEstateResolver implements EstateResolver {
    private final ClassLoader loader;
    private final String folder;

    public ClasspathEstateResolver(ClassLoader loader, String folder) {
        this.loader = loader;
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    /** The built-in catalog that this module packages under {@code catalog/}. */
    public static ClasspathEstateResolver catalog() {
        return new ClasspathEstateResolver(ClasspathEstateResolver.class.getClassLoader(), Catalog.FOLDER);
    }

    @Override
    public Resolution resolve(String ref, Source from) {
        List<String> candidates = new ArrayList<>();
        if (from.origin() instanceof Source.Origin.Classpath cp) {
            inside(cp.resource().substring(0, cp.resource().lastIndexOf('/') + 1), ref).ifPresent(candidates::add);
        }
        inside(folder, ref).filter(r -> !candidates.contains(r)).ifPresent(candidates::add);
        List<String> tried = new ArrayList<>();
        for (String resource : candidates) {
            Optional<Source> found = Source.classpath(loader, resource);
            if (found.isPresent()) {
                return new Resolution.Found(found.get());
            }
            tried.add("classpath " + resource);
        }
        return new Resolution.NotFound(tried);
    }

    /**
     * {@code ref} within {@code folder}, or empty when it climbs out: an API caller must not be able to
     * read other resources of the server's classpath (configuration, say) by calling them an estate.
     */
    private static Optional<String> inside(String folder, String ref) {
        return normalize(folder + ref).filter(r -> r.startsWith(folder));
    }

    /** Resolves {@code .} and {@code ..}; empty when the name climbs out of the classpath root. */
    static Optional<String> normalize(String resource) {
        List<String> parts = new ArrayList<>();
        for (String part : resource.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }
}
