package io.firedrill.orchestrator.fault;

import io.firedrill.model.Estate;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.FaultTarget.LinkToxic;
import io.firedrill.model.FaultTarget.PartitionMode;
import io.firedrill.model.FaultTarget.Stream;
import io.firedrill.model.Link;
import io.firedrill.model.Region;
import io.firedrill.model.Service;
import io.firedrill.orchestrator.fault.FaultPlan.AgentWork;
import io.firedrill.wire.HostAction;
import io.firedrill.wire.LinkAction;
import io.firedrill.wire.ToxicAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Compiles a fault into link operations for the agents that carry the links: a blackout cuts every link
 * into or out of the region, a partition cuts (or silently hangs) the links between two sets of regions,
 * replication lag slows replication links, and the per-link faults become one Toxiproxy toxic per stream.
 * Pure: the same estate and target always give the same plan.
 */
public final class FaultCompiler {
    private final Estate estate;

    public FaultCompiler(Estate estate) {
        this.estate = estate;
    }

    /**
     * Which stream of a replication link carries the data. A link runs from {@code from} to {@code to}, but who
     * dials whom depends on the database: a primary that pushes (the H2 estate's apps) is the proxy's client, so
     * data goes upstream; a replica that pulls (a PostgreSQL standby) is the client and the data comes back
     * downstream. The link's upstream address tells which: when it is a service of the {@code from} region, the
     * source is being dialled and the data flows downstream.
     */
    private Stream dataStream(Link link) {
        String upstream = link.upstream().toString();
        boolean sourceIsDialled = estate.services().stream()
                .filter(s -> s.region().map(link.from()::equals).orElse(false))
                .anyMatch(s -> s.endpoint().contains("//" + upstream + "/") || s.endpoint().endsWith("//" + upstream)
                        || s.endpoint().equals(upstream));
        return sourceIsDialled ? Stream.DOWNSTREAM : Stream.UPSTREAM;
    }

    /** The plan; an {@link IllegalArgumentException} when the fault would touch nothing in this estate. */
    public FaultPlan compile(FaultTarget target) {
        Map<String, List<LinkAction>> links = new LinkedHashMap<>();
        HostAction host = null;
        String hostRegion = null;
        if (target instanceof FaultTarget.RegionBlackout b) {
            cutAll(links, l -> b.region().equals(regionOf(l.from()).orElse(null)) || b.region().equals(l.to()));
        } else if (target instanceof FaultTarget.LinkPartition p) {
            Predicate<Link> crosses = l -> crosses(l, p.between(), p.and()) || crosses(l, p.and(), p.between());
            if (p.mode() == PartitionMode.DROP) {
                cutAll(links, crosses);
            } else {
                estate.links().stream().filter(crosses).forEach(l -> add(links, l, false,
                        toxics("timeout", Stream.BOTH, Map.of("timeout", 0L))));
            }
        } else if (target instanceof FaultTarget.ReplicationLag r) {
            for (String name : r.links()) {
                Link link = link(name);
                Stream data = dataStream(link);
                List<ToxicAction> toxics = new ArrayList<>(toxics("latency", data,
                        Map.of("latency", r.latency().toMillis(), "jitter", r.jitter().toMillis())));
                r.bandwidth().ifPresent(rate -> toxics.addAll(toxics("bandwidth", data,
                        Map.of("rate", Math.max(1, rate.kilobytesPerSecond())))));
                add(links, link, false, toxics);
            }
        } else if (target instanceof LinkToxic t) {
            add(links, link(t.link()), false, toxics(toxicType(t), t.stream(), attributes(t)));
        } else if (target instanceof FaultTarget.ProcessKill k) {
            hostRegion = k.region();
            host = new HostAction(HostAction.PROCESS_KILL, k.process(), k.signal().wireName());
        } else if (target instanceof FaultTarget.Command c) {
            hostRegion = c.region();
            host = new HostAction(HostAction.COMMAND, c.command(), null);
        }
        if (links.isEmpty() && host == null) {
            throw new IllegalArgumentException(target.fault().wireName() + " touches no link of estate '"
                    + estate.name() + "': no link matches " + target);
        }
        Map<String, AgentWork> work = new LinkedHashMap<>();
        links.forEach((region, actions) -> work.put(region, new AgentWork(actions, null)));
        if (host != null) {
            AgentWork existing = work.get(hostRegion);
            work.put(hostRegion, new AgentWork(existing == null ? List.of() : existing.links(), host));
        }
        return new FaultPlan(work);
    }

    private void cutAll(Map<String, List<LinkAction>> links, Predicate<Link> which) {
        estate.links().stream().filter(which).forEach(l -> add(links, l, true, List.of()));
    }

    private boolean crosses(Link l, List<String> from, List<String> to) {
        return regionOf(l.from()).filter(from::contains).isPresent() && to.contains(l.to());
    }

    /** The region a link's {@code from} sits in: the region itself, a regional service's region, or none. */
    private Optional<String> regionOf(String from) {
        if (estate.region(from).isPresent()) {
            return Optional.of(from);
        }
        return estate.service(from).flatMap(Service::region);
    }

    private Link link(String name) {
        return estate.link(name).orElseThrow(() -> new IllegalArgumentException(
                "estate '" + estate.name() + "' has no link '" + name + "'"));
    }

    /** The region whose agent carries the link: the region that names the link's agent, or the agent's name. */
    private String agentRegion(Link l) {
        return estate.regions().stream().filter(r -> r.agent().equals(l.agent())).map(Region::name).findFirst()
                .orElse(l.agent());
    }

    private void add(Map<String, List<LinkAction>> links, Link l, boolean cut, List<ToxicAction> toxics) {
        links.computeIfAbsent(agentRegion(l), k -> new ArrayList<>())
                .add(new LinkAction(l.name(), l.listen().toString(), l.upstream().toString(), cut, toxics));
    }

    private static List<ToxicAction> toxics(String type, Stream stream, Map<String, Long> attributes) {
        List<ToxicAction> out = new ArrayList<>();
        if (stream != Stream.DOWNSTREAM) {
            out.add(new ToxicAction(type, "upstream", 1.0, attributes));
        }
        if (stream != Stream.UPSTREAM) {
            out.add(new ToxicAction(type, "downstream", 1.0, attributes));
        }
        return out;
    }

    private static String toxicType(LinkToxic t) {
        return switch (t.fault()) {
            case LATENCY -> "latency";
            case BANDWIDTH -> "bandwidth";
            case RESET_PEER -> "reset_peer";
            case TIMEOUT -> "timeout";
            case SLOW_CLOSE -> "slow_close";
            case SLICER -> "slicer";
            case LIMIT_DATA -> "limit_data";
            default -> throw new IllegalArgumentException(t.fault().wireName() + " is not a per-link toxic");
        };
    }

    /** Toxiproxy's units: milliseconds, KB/s (1 KB = 1000 B), bytes, and microseconds for the slicer's delay. */
    private static Map<String, Long> attributes(LinkToxic t) {
        if (t instanceof FaultTarget.Latency l) {
            return Map.of("latency", l.latency().toMillis(), "jitter", l.jitter().toMillis());
        } else if (t instanceof FaultTarget.Bandwidth b) {
            return Map.of("rate", Math.max(1, b.rate().kilobytesPerSecond()));
        } else if (t instanceof FaultTarget.ResetPeer r) {
            return Map.of("timeout", r.timeout().toMillis());
        } else if (t instanceof FaultTarget.Timeout o) {
            return Map.of("timeout", o.timeout().toMillis());
        } else if (t instanceof FaultTarget.SlowClose s) {
            return Map.of("delay", s.delay().toMillis());
        } else if (t instanceof FaultTarget.Slicer s) {
            return Map.of("average_size", s.averageSize().bytes(), "size_variation", s.sizeVariation().bytes(),
                    "delay", s.delay().toNanos() / 1_000);
        } else if (t instanceof FaultTarget.LimitData d) {
            return Map.of("bytes", d.bytes().bytes());
        }
        throw new IllegalArgumentException(t.fault().wireName() + " has no toxic attributes");
    }
}
