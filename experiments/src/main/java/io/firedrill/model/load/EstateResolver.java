package io.firedrill.model.load;

import java.util.List;
import java.util.Objects;

/**
 * Finds the estate that an experiment names by reference ({@code estate: reference-estate.yaml}).
 * Implementations: {@link FileEstateResolver} (next to the experiment file),
 * {@link ClasspathEstateResolver} (the built-in catalog), {@link CompositeEstateResolver} (first that finds it).
 */
public interface EstateResolver {
    /**
     * @param ref  the reference as written
     * @param from the document that contains the reference
     */
    Resolution resolve(String ref, Source from);

    /** Next to a file experiment first, then in the built-in catalog: what the CLI and tests use. */
    static EstateResolver standard() {
        return new CompositeEstateResolver(List.of(new FileEstateResolver(), ClasspathEstateResolver.catalog()));
    }

    /** The outcome of one resolver. */
    sealed interface Resolution {
        record Found(Source source) implements Resolution {
            public Found {
                Objects.requireNonNull(source, "source");
            }
        }

        /**
         * Nothing there.
         *
         * @param tried what was looked at, such as {@code file catalog/x.yaml}, for the problem message;
         *              empty when the resolver does not apply to this kind of source
         */
        record NotFound(List<String> tried) implements Resolution {
            public NotFound {
                tried = List.copyOf(tried);
            }
        }

        /** It is there but cannot be used; resolution stops here rather than silently trying elsewhere. */
        record Unreadable(String reason) implements Resolution {
            public Unreadable {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
