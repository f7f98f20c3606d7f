package io.firedrill.orchestrator.api;

import io.firedrill.model.load.EstateResolver;
import io.firedrill.model.load.Source;
import io.firedrill.orchestrator.store.EstateStore;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves an estate reference that is a name ({@code estate: payments-prod}) among the estates of
 * {@code /api/v1/estates}: a built-in one by its name there, else a registered one. A reference with a dot
 * or a slash is a file name and not this resolver's business, so it reports nothing tried and a
 * {@link io.firedrill.model.load.CompositeEstateResolver} moves on to the catalog.
 *
 * <p>Reads the database: call it on a worker, as the API does by loading documents in executeBlocking.
 */
final class StoredEstateResolver implements EstateResolver {
    /** The syntax of a document's {@code name}: only these can be names of registered estates. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final EstateStore estates;

    StoredEstateResolver(EstateStore estates) {
        this.estates = estates;
    }

    static boolean isName(String ref) {
        return NAME.matcher(ref).matches();
    }

    @Override
    public Resolution resolve(String ref, Source from) {
        if (!isName(ref)) {
            return new Resolution.NotFound(List.of());
        }
        Optional<Source> builtIn = BuiltInEstates.find(ref);
        if (builtIn.isPresent()) {
            return new Resolution.Found(builtIn.get());
        }
        return estates.find(ref)
                .<Resolution>map(stored -> new Resolution.Found(ExperimentDocuments.source(stored)))
                .orElseGet(() -> new Resolution.NotFound(List.of("the registered estates (GET /api/v1/estates)")));
    }
}
