package io.firedrill.model.load;

import io.firedrill.model.DataStore;
import io.firedrill.model.Estate;
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

    /** The names of an estate already read (a registered or built-in one), to check references against. */
    static EstateIndex of(Estate estate) {
        EstateIndex index = empty();
        for (Region r : estate.regions()) {
            index.regions.add(r.name());
            index.agents.add(r.agent());
            index.regionByName.put(r.name(), r);
        }
        for (Service s : estate.services()) {
            index.services.add(s.name());
            index.serviceByName.put(s.name(), s);
        }
        for (DataStore d : estate.dataStores()) {
            index.dataStores.add(d.name());
            index.storeByName.put(d.name(), d);
        }
        for (Link l : estate.links()) {
            index.links.add(l.name());
            index.linkByName.put(l.name(), l);
        }
        index.frontDoor = estate.frontDoor();
        return index;
    }

    boolean known() {
        return !regions.isOpen();
    }
}
