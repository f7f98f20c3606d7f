package io.firedrill.wire;

import java.util.List;

/**
 * What a fault does to one link. The link's proxy is created from {@code listen} and {@code upstream} if
 * the agent does not carry it yet.
 *
 * @param cut    disable the link's proxy: refuse new connections and close open ones
 * @param toxics toxics to add to the link, named by the agent after the fault
 */
public record LinkAction(String link, String listen, String upstream, boolean cut, List<ToxicAction> toxics) {
    public LinkAction {
        Fields.require(link, "link");
        Fields.require(listen, "listen");
        Fields.require(upstream, "upstream");
        toxics = toxics == null ? List.of() : List.copyOf(toxics);
        if (!cut && toxics.isEmpty()) {
            throw new IllegalArgumentException("link action on '" + link + "' neither cuts nor adds a toxic");
        }
    }
}
