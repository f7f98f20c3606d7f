package io.firedrill.model.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks each resolver in turn; the first that finds the estate wins. An unreadable estate stops the
 * search, because quietly using another estate of the same name would run the experiment against the
 * wrong system.
 */
public final class CompositeEstateResolver implements EstateResolver {
    private final List<EstateResolver> resolvers;

    public CompositeEstateResolver(List<EstateResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    @Override
    public Resolution resolve(String ref, Source from) {
        List<String> tried = new ArrayList<>();
        for (EstateResolver resolver : resolvers) {
            Resolution r = resolver.resolve(ref, from);
            if (r instanceof Resolution.NotFound notFound) {
                tried.addAll(notFound.tried());
            } else {
                return r;
            }
        }
        return new Resolution.NotFound(tried);
    }
}
