package io.firedrill.model;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The system under test.
 *
 * @param production       whether the estate is production; production runs need a second approver
 * @param maxTargetRegions the blast-radius limit: how many regions one run may disturb (default: all but one)
 * @param frontDoor        the base URL that users and workloads enter through, such as the router's
 */
public record Estate(
        String name,
        String description,
        boolean production,
        int maxTargetRegions,
        List<Region> regions,
        List<Service> services,
        List<DataStore> dataStores,
        List<Link> links,
        Optional<URI> frontDoor)
        implements Document {

    public Estate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        regions = List.copyOf(regions);
        services = List.copyOf(services);
        dataStores = List.copyOf(dataStores);
        links = List.copyOf(links);
        Objects.requireNonNull(frontDoor, "frontDoor");
    }

    @Override
    public Kind kind() {
        return Kind.ESTATE;
    }

    public Optional<Region> region(String regionName) {
        return regions.stream().filter(r -> r.name().equals(regionName)).findFirst();
    }

    public Optional<Service> service(String serviceName) {
        return services.stream().filter(s -> s.name().equals(serviceName)).findFirst();
    }

    public Optional<DataStore> dataStore(String storeName) {
        return dataStores.stream().filter(d -> d.name().equals(storeName)).findFirst();
    }

    public Optional<Link> link(String linkName) {
        return links.stream().filter(l -> l.name().equals(linkName)).findFirst();
    }
}
