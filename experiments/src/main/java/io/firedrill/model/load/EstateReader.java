package io.firedrill.model.load;

import io.firedrill.model.DataStore;
import io.firedrill.model.Document;
import io.firedrill.model.Estate;
import io.firedrill.model.HostPort;
import io.firedrill.model.Link;
import io.firedrill.model.Region;
import io.firedrill.model.Service;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an estate, checks its internal references (regions, replication sources, link ends, agents)
 * and fills an {@link EstateIndex} for the experiment that uses it.
 */
final class EstateReader {
    static final List<String> FIELDS = List.of("apiVersion", "kind", "name", "description", "production",
            "maxTargetRegions", "frontDoor", "regions", "services", "dataStores", "links");
    private static final List<String> REGION = List.of("name", "role", "agent");
    private static final List<String> SERVICE = List.of("name", "region", "kind", "endpoint", "health");
    private static final List<String> DATA_STORE = List.of("name", "region", "engine", "role", "replicatesFrom");
    private static final List<String> LINK = List.of("name", "from", "to", "agent", "listen", "upstream", "kind");
    private static final Pattern LINK_NAME =
            Pattern.compile("([a-z0-9][a-z0-9-]*)->([a-z0-9][a-z0-9-]*)(/[a-z0-9][a-z0-9-]*)?");

    private EstateIndex index = EstateIndex.empty();
    private final Map<String, YamlNode> listens = new HashMap<>();

    EstateIndex index() {
        return index;
    }

    /**
     * @param inline whether the estate is a field of an experiment rather than a file of its own
     */
    Optional<Estate> read(YamlNode node, boolean inline) {
        Optional<YamlMap> mapping = node.map(FIELDS);
        if (mapping.isEmpty()) {
            index = EstateIndex.unknown();
            return Optional.empty();
        }
        YamlMap m = mapping.get();
        Header.apiVersion(m, !inline);
        if (inline) {
            Header.inlineKind(m, Document.Kind.ESTATE);
        }
        String name = m.required("name", YamlNode::slug);
        String description = m.optional("description", YamlNode::text, "");
        Boolean production = m.optional("production", YamlNode::bool, false);
        boolean regionsListed = m.get("regions").map(n -> !n.isMapping() && !n.isScalar()).orElse(false);
        if (!regionsListed) {
            index.regions = Names.open("region"); // nothing to check against: avoid a cascade of "unknown region"
        }
        List<Region> regions = m.list("regions", 1, "region", this::region);
        int defaultMax = Math.max(0, regions.size() - 1);
        Integer maxTargetRegions = m.optional("maxTargetRegions", n -> n.integer(0, Math.max(0, regions.size())), defaultMax);
        List<Service> services = m.list("services", 0, "service", this::service);
        List<DataStoreDraft> drafts = m.list("dataStores", 0, "data store", this::dataStore);
        List<DataStore> dataStores = drafts.stream().map(d -> checkReplication(d, m)).flatMap(Optional::stream).toList();
        List<Link> links = m.list("links", 0, "link", this::link);
        index.frontDoor = m.optional("frontDoor", EstateReader::httpUrl);
        return m.build(() -> new Estate(name, description, production, maxTargetRegions, regions, services,
                dataStores, links, index.frontDoor));
    }

    private Optional<Region> region(YamlNode node) {
        return node.map(REGION).flatMap(m -> {
            String name = m.required("name", n -> n.slug().filter(v -> index.regions.declare(n, v)));
            Region.Role role = m.required("role", n -> n.oneOf(Region.Role.class, "region role"));
            String agent = m.optional("agent", YamlNode::slug, name);
            if (agent != null) {
                index.agents.declare(m.get("agent").orElse(m.self()), agent);
            }
            Optional<Region> region = m.build(() -> new Region(name, role, agent));
            region.ifPresent(r -> index.regionByName.put(r.name(), r));
            return region;
        });
    }

    private Optional<Service> service(YamlNode node) {
        return node.map(SERVICE).flatMap(m -> {
            String name = m.required("name", n -> n.slug().filter(v -> index.services.declare(n, v)));
            Optional<String> region = m.optional("region", n -> n.text().filter(v -> index.regions.check(n, v)));
            Service.Kind kind = m.required("kind", n -> n.oneOf(Service.Kind.class, "service kind"));
            String endpoint = m.required("endpoint", n -> kind == null ? n.text() : endpoint(n, kind));
            Optional<String> health = m.optional("health", n -> n.text().filter(v -> healthPath(n, v, kind)));
            Optional<Service> service = m.build(() -> new Service(name, region, kind, endpoint, health));
            service.ifPresent(s -> index.serviceByName.put(s.name(), s));
            return service;
        });
    }

    private static Optional<String> endpoint(YamlNode n, Service.Kind kind) {
        return switch (kind) {
            case HTTP -> httpUrl(n).map(URI::toString);
            case TCP -> n.parsed("host:port like 127.0.0.1:18201", HostPort::parse).map(HostPort::toString);
            case SQL -> n.text().filter(v -> {
                if (!v.startsWith("jdbc:")) {
                    n.problem("expected a JDBC URL like jdbc:h2:tcp://127.0.0.1:18111/mem:orders for a sql service, got '" + v + "'");
                }
                return v.startsWith("jdbc:");
            });
        };
    }

    private static boolean healthPath(YamlNode n, String path, Service.Kind kind) {
        if (kind != null && kind != Service.Kind.HTTP) {
            n.problem("health applies only to http services; this one is " + kind.wireName());
            return false;
        }
        if (!path.startsWith("/")) {
            n.problem("expected a path like /health, got '" + path + "'");
            return false;
        }
        return true;
    }

    static Optional<URI> httpUrl(YamlNode n) {
        String expected = "an http URL like http://127.0.0.1:18080";
        return n.scalar(expected).flatMap(v -> {
            try {
                URI uri = new URI(v);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            n.problem("expected " + expected + ", got '" + v + "'");
            return Optional.empty();
        });
    }

    /** A data store before its {@code replicatesFrom} is checked, which needs every store's name first. */
    private record DataStoreDraft(YamlNode node, String name, String region, DataStore.Engine engine,
            DataStore.Role role, Optional<YamlNode> replicatesFrom) {}

    private Optional<DataStoreDraft> dataStore(YamlNode node) {
        return node.map(DATA_STORE).flatMap(m -> {
            String name = m.required("name", n -> n.slug().filter(v -> index.dataStores.declare(n, v)));
            String region = m.required("region", n -> n.text().filter(v -> index.regions.check(n, v)));
            DataStore.Engine engine = m.required("engine", n -> n.oneOf(DataStore.Engine.class, "engine"));
            DataStore.Role role = m.required("role", n -> n.oneOf(DataStore.Role.class, "data store role"));
            Optional<YamlNode> from = m.get("replicatesFrom");
            if (role == DataStore.Role.REPLICA && from.isEmpty()) {
                m.self().problem("missing field 'replicatesFrom'; a replica names the data store it copies");
                m.incomplete();
            }
            return m.build(() -> new DataStoreDraft(node, name, region, engine, role, from));
        });
    }

    private Optional<DataStore> checkReplication(DataStoreDraft d, YamlMap estate) {
        Optional<String> from = Optional.empty();
        if (d.replicatesFrom().isPresent()) {
            YamlNode n = d.replicatesFrom().get();
            from = n.text();
            if (from.isPresent() && d.role() == DataStore.Role.PRIMARY) {
                n.problem("a primary does not replicate from '" + from.get() + "'; make the role replica or remove replicatesFrom");
            } else if (from.isPresent() && from.get().equals(d.name())) {
                n.problem("data store '" + d.name() + "' cannot replicate from itself");
            } else {
                from.ifPresent(f -> index.dataStores.check(n, f));
            }
            if (from.isEmpty()) {
                estate.incomplete();
                return Optional.empty();
            }
        }
        DataStore store = new DataStore(d.name(), d.region(), d.engine(), d.role(), from);
        index.storeByName.put(store.name(), store);
        return Optional.of(store);
    }

    private Optional<Link> link(YamlNode node) {
        return node.map(LINK).flatMap(m -> {
            String name = m.required("name", this::linkName);
            String from = m.required("from", n -> n.text().filter(v -> linkSource(n, v)));
            String to = m.required("to", n -> n.text().filter(v -> index.regions.check(n, v)));
            Matcher parts = LINK_NAME.matcher(name == null ? "" : name);
            if (parts.matches() && from != null && to != null && !(parts.group(1).equals(from) && parts.group(2).equals(to))) {
                m.get("name").orElseThrow().problem("link '" + name + "' does not match from '" + from + "' and to '" + to
                        + "'; expected a name like " + from + "->" + to + " or " + from + "->" + to + "/purpose");
            }
            String defaultAgent = to == null ? null : Optional.ofNullable(index.regionByName.get(to)).map(Region::agent).orElse(to);
            String agent = m.optional("agent", n -> n.slug().filter(v -> index.agents.check(n, v)), defaultAgent);
            HostPort listen = m.required("listen", n -> hostPort(n).filter(hp -> uniqueListen(n, hp)));
            HostPort upstream = m.required("upstream", EstateReader::hostPort);
            if (listen != null && listen.equals(upstream)) {
                m.get("upstream").orElseThrow().problem(
                        "upstream " + upstream + " is the link's own listen address; the proxy would forward to itself");
            }
            Link.Kind kind = m.optional("kind", n -> n.oneOf(Link.Kind.class, "link kind"), Link.Kind.TRAFFIC);
            Optional<Link> link = m.build(() -> new Link(name, from, to, agent, listen, upstream, kind));
            link.ifPresent(l -> index.linkByName.put(l.name(), l));
            return link;
        });
    }

    private Optional<String> linkName(YamlNode n) {
        String expected = "a link name like users->eu-west or eu-west->us-east/replication";
        return n.scalar(expected).filter(v -> {
            if (!LINK_NAME.matcher(v).matches()) {
                n.problem("expected " + expected + ", got '" + v + "'");
                return false;
            }
            return index.links.declare(n, v);
        });
    }

    /** A link starts at {@code users}, a region, or a service outside any region (such as a router). */
    private boolean linkSource(YamlNode n, String from) {
        List<String> sources = new ArrayList<>(List.of(Link.USERS));
        sources.addAll(index.regions.all());
        index.serviceByName.values().stream().filter(s -> s.region().isEmpty()).forEach(s -> sources.add(s.name()));
        if (index.regions.isOpen() || sources.contains(from)) {
            return true;
        }
        n.problem(Suggest.unknown("link source", from, sources));
        return false;
    }

    private static Optional<HostPort> hostPort(YamlNode n) {
        return n.parsed("host:port like 127.0.0.1:18201", HostPort::parse);
    }

    private boolean uniqueListen(YamlNode n, HostPort listen) {
        YamlNode first = listens.putIfAbsent(listen.toString(), n);
        if (first != null) {
            n.problem("listen address " + listen + " is already used at line " + first.line()
                    + "; each link needs its own port");
            return false;
        }
        return true;
    }
}
