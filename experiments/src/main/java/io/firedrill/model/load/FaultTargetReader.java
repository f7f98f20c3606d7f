package io.firedrill.model.load;

import io.firedrill.model.ByteRate;
import io.firedrill.model.ByteSize;
import io.firedrill.model.DataStore;
import io.firedrill.model.Fault;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.FaultTarget.PartitionMode;
import io.firedrill.model.FaultTarget.Signal;
import io.firedrill.model.FaultTarget.Stream;
import io.firedrill.model.Link;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code target} of a step: one shape per {@link Fault}, with its references checked against the estate. */
final class FaultTargetReader {
    private final EstateIndex estate;

    FaultTargetReader(EstateIndex estate) {
        this.estate = estate;
    }

    Optional<FaultTarget> read(YamlNode node, Fault fault) {
        return node.map(fault.targetFields()).flatMap(t -> switch (fault) {
            case REGION_BLACKOUT -> {
                String region = region(t);
                yield t.build(() -> new FaultTarget.RegionBlackout(region));
            }
            case REPLICATION_LAG -> replicationLag(t);
            case LINK_PARTITION -> partition(t);
            case LATENCY -> {
                String link = link(t);
                Stream stream = stream(t);
                Duration latency = t.required("latency", YamlNode::positiveDuration);
                Duration jitter = t.optional("jitter", YamlNode::duration, Duration.ZERO);
                yield t.build(() -> new FaultTarget.Latency(link, stream, latency, jitter));
            }
            case BANDWIDTH -> {
                String link = link(t);
                Stream stream = stream(t);
                ByteRate rate = t.required("rate", n -> n.parsed(ByteRate.EXPECTED, ByteRate::parse));
                yield t.build(() -> new FaultTarget.Bandwidth(link, stream, rate));
            }
            case RESET_PEER -> {
                String link = link(t);
                Stream stream = stream(t);
                Duration timeout = t.optional("timeout", YamlNode::duration, Duration.ZERO);
                yield t.build(() -> new FaultTarget.ResetPeer(link, stream, timeout));
            }
            case TIMEOUT -> {
                String link = link(t);
                Stream stream = stream(t);
                Duration timeout = t.optional("timeout", YamlNode::duration, Duration.ZERO);
                yield t.build(() -> new FaultTarget.Timeout(link, stream, timeout));
            }
            case SLOW_CLOSE -> {
                String link = link(t);
                Stream stream = stream(t);
                Duration delay = t.required("delay", YamlNode::positiveDuration);
                yield t.build(() -> new FaultTarget.SlowClose(link, stream, delay));
            }
            case SLICER -> slicer(t);
            case LIMIT_DATA -> {
                String link = link(t);
                Stream stream = stream(t);
                ByteSize bytes = t.required("bytes", FaultTargetReader::size);
                yield t.build(() -> new FaultTarget.LimitData(link, stream, bytes));
            }
            case PROCESS_KILL -> {
                String region = region(t);
                String process = t.required("process", YamlNode::slug);
                Signal signal = t.optional("signal", n -> n.oneOf(Signal.class, "signal"), Signal.SIGKILL);
                yield t.build(() -> new FaultTarget.ProcessKill(region, process, signal));
            }
            case COMMAND -> {
                String region = region(t);
                String command = t.required("command", YamlNode::slug);
                yield t.build(() -> new FaultTarget.Command(region, command));
            }
        });
    }

    private String region(YamlMap t) {
        return t.required("region", n -> n.text().filter(v -> estate.regions.check(n, v)));
    }

    private String link(YamlMap t) {
        return t.required("link", n -> n.text().filter(v -> estate.links.check(n, v)));
    }

    private static Stream stream(YamlMap t) {
        return t.optional("stream", n -> n.oneOf(Stream.class, "stream"), Stream.DOWNSTREAM);
    }

    private static Optional<ByteSize> size(YamlNode n) {
        return n.parsed(ByteSize.EXPECTED, ByteSize::parse);
    }

    private Optional<FaultTarget> replicationLag(YamlMap t) {
        List<String> links;
        if (t.has("links") && t.has("dataStore")) {
            t.get("dataStore").orElseThrow().problem("give either links or dataStore, not both");
            t.incomplete();
            links = List.of();
        } else if (t.has("dataStore")) {
            links = t.required("dataStore", this::feedingLinks);
        } else if (t.has("links")) {
            links = t.list("links", 1, "link", n -> n.text().filter(v -> replicationLink(n, v)));
        } else {
            t.self().problem("missing field 'links' or 'dataStore'; expected the replication links to slow down, "
                    + "or the replica data store they feed");
            t.incomplete();
            links = List.of();
        }
        Duration latency = t.required("latency", YamlNode::positiveDuration);
        Duration jitter = t.optional("jitter", YamlNode::duration, Duration.ZERO);
        Optional<ByteRate> bandwidth = t.optional("bandwidth", n -> n.parsed(ByteRate.EXPECTED, ByteRate::parse));
        return t.build(() -> new FaultTarget.ReplicationLag(links, latency, jitter, bandwidth));
    }

    private boolean replicationLink(YamlNode n, String name) {
        if (!estate.links.check(n, name)) {
            return false;
        }
        Link link = estate.linkByName.get(name);
        if (link != null && link.kind() != Link.Kind.REPLICATION) {
            n.problem("link '" + name + "' is a " + link.kind().wireName() + " link; replication-lag needs a replication link");
            return false;
        }
        return true;
    }

    /** The replication links from the source's region into the replica's region. */
    private Optional<List<String>> feedingLinks(YamlNode n) {
        Optional<String> name = n.text();
        if (name.isEmpty() || !estate.dataStores.check(n, name.get())) {
            return Optional.empty();
        }
        DataStore store = estate.storeByName.get(name.get());
        if (store == null) {
            return Optional.empty(); // the estate is unknown or this store is broken: reported elsewhere
        }
        if (store.replicatesFrom().isEmpty()) {
            n.problem("data store '" + store.name() + "' is a primary; replication-lag needs a replica");
            return Optional.empty();
        }
        DataStore source = estate.storeByName.get(store.replicatesFrom().get());
        if (source == null) {
            return Optional.empty();
        }
        List<String> links = estate.linkByName.values().stream()
                .filter(l -> l.kind() == Link.Kind.REPLICATION && l.from().equals(source.region()) && l.to().equals(store.region()))
                .map(Link::name)
                .toList();
        if (links.isEmpty()) {
            n.problem("no replication link from " + source.region() + " to " + store.region() + " feeds data store '"
                    + store.name() + "'; declare one in the estate or name the links");
            return Optional.empty();
        }
        return Optional.of(links);
    }

    private Optional<FaultTarget> partition(YamlMap t) {
        List<String> between = t.list("between", 1, "region", n -> n.text().filter(v -> estate.regions.check(n, v)));
        Set<String> sideA = new HashSet<>(between);
        List<String> and = t.list("and", 1, "region", n -> n.text().filter(v -> {
            if (sideA.contains(v)) {
                n.problem("region '" + v + "' is on both sides of the partition");
                return false;
            }
            return estate.regions.check(n, v);
        }));
        PartitionMode mode = t.optional("mode", n -> n.oneOf(PartitionMode.class, "partition mode"), PartitionMode.DROP);
        return t.build(() -> new FaultTarget.LinkPartition(between, and, mode));
    }

    private Optional<FaultTarget> slicer(YamlMap t) {
        String link = link(t);
        Stream stream = stream(t);
        ByteSize average = t.required("averageSize", n -> size(n).filter(s -> {
            if (s.bytes() == 0) {
                n.problem("expected a positive size like 1KB, got " + n.describe());
            }
            return s.bytes() > 0;
        }));
        ByteSize variation = t.optional("sizeVariation", n -> size(n).filter(s -> {
            if (average != null && s.bytes() >= average.bytes()) {
                n.problem("expected a sizeVariation smaller than averageSize " + average + ", got " + s);
                return false;
            }
            return true;
        }), new ByteSize(0));
        Duration delay = t.optional("delay", YamlNode::duration, Duration.ZERO);
        return t.build(() -> new FaultTarget.Slicer(link, stream, average, variation, delay));
    }
}
