package io.firedrill.model.load;

import io.firedrill.model.DataStore;
import io.firedrill.model.Link;
import io.firedrill.model.Region;
import io.firedrill.model.Service;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an experiment's references are checked against: the estate's names, and the elements that read
 * well (for checks that need more than a name, such as "a sql probe needs a sql service").
 */
final class EstateIndex {
    Names regions;
    final Names agents;
    final Names services;
    final Names dataStores;
    final Names links;
    final Map<String, Region> regionByName = new LinkedHashMap<>();
    final Map<String, Service> serviceByName = new LinkedHashMap<>();
    final Map<String, DataStore> storeByName = new LinkedHashMap<>();
    final Map<String, Link> linkByName = new LinkedHashMap<>();
    Optional<URI> frontDoor = Optional.empty();

    private EstateIndex(boolean open) {
        regions = open ? Names.open("region") : Names.of("region");
        agents = open ? Names.open("agent") : Names.of("agent");
        services = open ? Names.open("service") : Names.of("service");
        dataStores = open ? Names.open("data store") : Names.of("data store");
        links = open ? Names.open("link") : Names.of("link");
    }

    /** An estate being read: names are added as they are declared. */
    static EstateIndex empty() {
        return new EstateIndex(false);
    }

    /** For an estate that could not be read at all: every reference passes, nothing more is known. */
    static EstateIndex unknown() {
        return new EstateIndex(true);
    }

    boolean known() {
        return !regions.isOpen();
    }
}
