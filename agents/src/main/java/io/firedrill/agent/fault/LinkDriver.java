package io.firedrill.agent.fault;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import io.firedrill.wire.LinkAction;
import io.firedrill.wire.ToxicAction;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on links through a Toxiproxy API (the agent's built-in proxy server or an external Toxiproxy) with
 * Toxiproxy's own Java client, so any Toxiproxy an operator runs can carry the links. Blocking: call it
 * from one worker thread only.
 *
 * <p>Several faults may cut the same link; it is enabled again only when the last of them is reverted.
 * Toxics are named after their fault ({@value #PREFIX}{@code <fault>-<type>-<stream>}), so reverting one
 * fault removes exactly its toxics and a clean slate removes only what Firedrill added.
 */
final class LinkDriver {
    static final String PREFIX = "firedrill-";
    private static final Logger log = LoggerFactory.getLogger(LinkDriver.class);

    private final ToxiproxyClient client;
    private final Map<String, Set<String>> cutBy = new HashMap<>();
    /** Proxies seen, so that applying a fault is one request, not two; dropped when a request on one fails. */
    private final Map<String, Proxy> known = new HashMap<>();
    /** Toxics this driver added, by name, so a revert is one request. */
    private final Map<String, Toxic> added = new HashMap<>();

    LinkDriver(ToxiproxyClient client) {
        this.client = client;
    }

    /**
     * The proxy that carries a link: named after it, with {@code /} written as {@code .}, because Toxiproxy's
     * clients put the name into URL paths unescaped ({@code eu-west->us-east/replication} is the proxy
     * {@code eu-west->us-east.replication}).
     */
    static String proxyName(String link) {
        return link.replace('/', '.');
    }

    static String toxicName(String faultId, ToxicAction toxic) {
        return PREFIX + faultId + "-" + toxic.type() + "-" + toxic.stream();
    }

    /** The link's proxy, created from the action's listen and upstream when the server does not have it. */
    Proxy ensure(String link, String listen, String upstream) throws IOException {
        Proxy proxy = client.getProxyOrNull(proxyName(link));
        if (proxy == null) {
            log.info("creating proxy {} for link {}: {} -> {}", proxyName(link), link, listen, upstream);
            return client.createProxy(proxyName(link), listen, upstream);
        }
        if (!proxy.getUpstream().equals(upstream)) {
            log.warn("link {} has upstream {} on the proxy server but {} in the estate; using the estate's",
                    link, proxy.getUpstream(), upstream);
            proxy.setUpstream(upstream);
        }
        return proxy;
    }

    void apply(String faultId, LinkAction action) throws IOException {
        try {
            applyOnce(faultId, action);
        } catch (IOException e) {
            if (known.remove(action.link()) == null) {
                throw e;
            }
            // The proxy may have been deleted or replaced behind our back: look it up afresh, once.
            applyOnce(faultId, action);
        }
    }

    private void applyOnce(String faultId, LinkAction action) throws IOException {
        Proxy proxy = known.get(action.link());
        if (proxy == null) {
            proxy = ensure(action.link(), action.listen(), action.upstream());
            known.put(action.link(), proxy);
        }
        for (ToxicAction toxic : action.toxics()) {
            String name = toxicName(faultId, toxic);
            added.put(name, add(proxy.toxics(), name, toxic));
        }
        if (action.cut()) {
            cutBy.computeIfAbsent(action.link(), k -> new HashSet<>()).add(faultId);
            proxy.disable();
        }
    }

    /** Undoes {@link #apply}; idempotent, and quiet about toxics or proxies that are already gone. */
    void revert(String faultId, LinkAction action) throws IOException {
        Proxy proxy = known.get(action.link());
        if (proxy == null) {
            proxy = client.getProxyOrNull(proxyName(action.link()));
        }
        if (proxy == null) {
            cutBy.remove(action.link());
            return;
        }
        for (ToxicAction toxic : action.toxics()) {
            String name = toxicName(faultId, toxic);
            Toxic mine = added.remove(name);
            try {
                if (mine == null) {
                    removeIfPresent(proxy, name);
                } else {
                    mine.remove();
                }
            } catch (IOException e) {
                // Already gone (removed by hand, or the proxy was replaced): make sure, the slow way.
                known.remove(action.link());
                Proxy fresh = client.getProxyOrNull(proxyName(action.link()));
                if (fresh != null) {
                    removeIfPresent(fresh, name);
                }
            }
        }
        if (action.cut()) {
            Set<String> holders = cutBy.getOrDefault(action.link(), new HashSet<>());
            holders.remove(faultId);
            if (holders.isEmpty()) {
                cutBy.remove(action.link());
                proxy.enable();
            } else {
                log.info("link {} stays cut: still held by {}", action.link(), holders);
            }
        }
    }

    /** Removes every toxic Firedrill added to the link and enables it: the state before any fault. */
    void clean(String link) throws IOException {
        Proxy proxy = client.getProxyOrNull(proxyName(link));
        cutBy.remove(link);
        if (proxy == null) {
            return;
        }
        for (Toxic toxic : proxy.toxics().getAll()) {
            if (toxic.getName().startsWith(PREFIX)) {
                toxic.remove();
            }
        }
        if (!proxy.isEnabled()) {
            proxy.enable();
        }
    }

    private static void removeIfPresent(Proxy proxy, String name) throws IOException {
        for (Toxic toxic : proxy.toxics().getAll()) {
            if (toxic.getName().equals(name)) {
                toxic.remove();
                return;
            }
        }
    }

    private static Toxic add(ToxicList toxics, String name, ToxicAction t) throws IOException {
        ToxicDirection dir = "upstream".equals(t.stream()) ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
        Map<String, Long> a = t.attributes();
        Toxic created = switch (t.type()) {
            case "latency" -> {
                var latency = toxics.latency(name, dir, a.getOrDefault("latency", 0L));
                long jitter = a.getOrDefault("jitter", 0L);
                yield jitter == 0 ? latency : latency.setJitter(jitter);
            }
            case "bandwidth" -> toxics.bandwidth(name, dir, a.getOrDefault("rate", 0L));
            case "slow_close" -> toxics.slowClose(name, dir, a.getOrDefault("delay", 0L));
            case "timeout" -> toxics.timeout(name, dir, a.getOrDefault("timeout", 0L));
            case "reset_peer" -> toxics.resetPeer(name, dir, a.getOrDefault("timeout", 0L));
            case "slicer" -> {
                var slicer = toxics.slicer(name, dir, a.getOrDefault("average_size", 0L), a.getOrDefault("delay", 0L));
                long variation = a.getOrDefault("size_variation", 0L);
                yield variation == 0 ? slicer : slicer.setSizeVariation(variation);
            }
            case "limit_data" -> toxics.limitData(name, dir, a.getOrDefault("bytes", 0L));
            default -> throw new IOException("toxic type '" + t.type() + "' is not supported by this agent");
        };
        if (t.toxicity() < 1.0) {
            created.setToxicity((float) t.toxicity());
        }
        return created;
    }
}
