package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Proxy;
import io.firedrill.agent.proxy.ProxyException;
import io.firedrill.agent.proxy.ToxicSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxies by name. Reads answer at once from any thread; every change runs through one {@link SerialSteps}
 * queue, so a create cannot race a delete of the same name and a restart never loses a toxic added meanwhile.
 *
 * <p>A {@link Proxy}'s addresses are fixed when it is built, so a change of listen or upstream, and a disable
 * of a proxy that bound a port it was not given ({@code localhost:0}), swap in a new instance carrying the same
 * toxics: the second keeps the port, so re-enabling serves the address clients already hold.
 */
public final class ProxyRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyRegistry.class);

    private final Vertx vertx;
    private final RandomGenerator.SplittableGenerator seeds;
    private final SerialSteps steps;
    private final PortHandover ports;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** One registered proxy and the listen address it was asked for (populate compares against both). */
    private static final class Entry {
        volatile Proxy proxy;
        volatile String requestedListen;

        Entry(Proxy proxy, String requestedListen) {
            this.proxy = proxy;
            this.requestedListen = requestedListen;
        }
    }

    public ProxyRegistry(Vertx vertx, RandomGenerator.SplittableGenerator seeds) {
        this.vertx = vertx;
        this.seeds = seeds;
        this.steps = new SerialSteps(vertx);
        this.ports = new PortHandover(vertx);
    }

    public synchronized Optional<Proxy> get(String name) {
        Entry e = entries.get(name);
        return e == null ? Optional.empty() : Optional.of(e.proxy);
    }

    /** The proxy, or 404 {@code proxy not found}. */
    public Proxy require(String name) {
        return get(name).orElseThrow(() -> ProxyException.notFound("proxy not found"));
    }

    /** Every proxy, in the order they were created. */
    public synchronized List<Proxy> list() {
        List<Proxy> all = new ArrayList<>();
        entries.values().forEach(e -> all.add(e.proxy));
        return all;
    }

    /** 409 {@code proxy already exists}; when enabled, a bind failure fails it and nothing is registered. */
    public Future<Proxy> create(ProxyConfig config) {
        return steps.run(() -> createNow(config));
    }

    public Future<Proxy> update(String name, ProxyChange change) {
        return steps.run(() -> updateNow(entry(name), change));
    }

    /** Closes the listener and every connection, then forgets the proxy and its toxics. */
    public Future<Void> delete(String name) {
        return steps.run(() -> {
            Entry e = entry(name);
            return ports.stop(e.proxy).otherwise(err -> {
                LOG.warn("proxy {} did not stop cleanly: {}", name, err.toString());
                return null;
            }).map(v -> {
                remove(name, e);
                LOG.info("proxy {} deleted", name);
                return null;
            });
        });
    }

    /**
     * Applies each config in order: a proxy with the same name, upstream and listen (as asked or as bound) is kept
     * with its toxics; a changed one is replaced (toxics lost). The first failure stops it; the result then holds
     * what was done before.
     */
    public Future<PopulateResult> populate(List<ProxyConfig> configs) {
        return steps.run(() -> populateFrom(configs, 0, new ArrayList<>()));
    }

    /** Removes every toxic and enables every proxy; a proxy that cannot bind fails it once all were tried. */
    public Future<Void> reset() {
        return steps.run(() -> {
            List<Entry> all = entries();
            all.forEach(e -> e.proxy.removeAllToxics());
            Future<Void> chain = Future.join(all.stream().map(e -> e.proxy.changesApplied()).toList()).mapEmpty();
            List<Throwable> failures = new ArrayList<>();
            for (Entry e : all) {
                chain = chain.compose(v -> e.proxy.enabled() ? Future.succeededFuture()
                        : ports.start(e.proxy).otherwise(err -> {
                            failures.add(err);
                            return null;
                        }));
            }
            return chain.compose(v -> failures.isEmpty() ? Future.succeededFuture() : Future.failedFuture(failures.get(0)));
        });
    }

    /** Stops and forgets every proxy, as at server stop. */
    public Future<Void> stopAll() {
        return steps.run(() -> {
            List<Entry> all = entries();
            synchronized (this) {
                entries.clear();
            }
            List<Future<Void>> stops = new ArrayList<>();
            all.forEach(e -> stops.add(ports.stop(e.proxy).otherwise(err -> {
                LOG.warn("proxy {} did not stop cleanly: {}", e.proxy.name(), err.toString());
                return null;
            })));
            return Future.join(stops).mapEmpty();
        });
    }

    /*
     * Toxic changes answer once they act on every open connection (each connection takes them on its own event
     * loop), so that a client that writes right after the API answered already meets the toxic.
     */

    public Future<ToxicSpec> addToxic(String proxy, ToxicSpec toxic) {
        return steps.run(() -> {
            Proxy p = entry(proxy).proxy;
            ToxicSpec added = p.addToxic(toxic);
            return p.changesApplied().map(added);
        });
    }

    public Future<ToxicSpec> updateToxic(String proxy, String toxic, ToxicBodies.Change change) {
        return steps.run(() -> {
            Proxy p = entry(proxy).proxy;
            ToxicSpec updated = p.updateToxic(toxic, change.attributes(), change.toxicity());
            return p.changesApplied().map(updated);
        });
    }

    public Future<Void> removeToxic(String proxy, String toxic) {
        return steps.run(() -> {
            Proxy p = entry(proxy).proxy;
            p.removeToxic(toxic);
            return p.changesApplied();
        });
    }

    private Future<Proxy> createNow(ProxyConfig c) {
        synchronized (this) {
            if (entries.containsKey(c.name())) {
                throw ProxyException.conflict("proxy already exists");
            }
        }
        Entry e = new Entry(newProxy(c.name(), c.listen(), c.upstream(), List.of()), c.listen());
        Future<Void> started = c.enabled() ? ports.start(e.proxy) : Future.succeededFuture();
        return started.map(v -> {
            synchronized (this) {
                entries.put(c.name(), e);
            }
            LOG.info("proxy {} created: {} -> {} ({})", c.name(), e.proxy.listen(), c.upstream(),
                    c.enabled() ? "enabled" : "disabled");
            return e.proxy;
        });
    }

    private Future<Proxy> updateNow(Entry e, ProxyChange change) {
        Proxy p = e.proxy;
        String listen = change.listen() != null ? change.listen() : p.listen();
        String upstream = change.upstream() != null ? change.upstream() : p.upstream();
        boolean enable = change.enabled() != null ? change.enabled() : p.enabled();
        if (!listen.equals(p.listen()) || !upstream.equals(p.upstream())) {
            return ports.stop(p).compose(v -> {
                e.proxy = newProxy(p.name(), listen, upstream, p.toxics());
                e.requestedListen = listen;
                LOG.info("proxy {} now {} -> {}", p.name(), listen, upstream);
                return enable ? ports.start(e.proxy) : Future.succeededFuture();
            }).map(v -> e.proxy);
        }
        if (enable == p.enabled()) {
            return Future.succeededFuture(p);
        }
        return (enable ? ports.start(p) : disableNow(e)).map(v -> e.proxy);
    }

    /** Stops the proxy; one that bound a port it was not given is rebuilt on that port, so enabling reuses it. */
    private Future<Void> disableNow(Entry e) {
        Proxy p = e.proxy;
        String bound = p.listen();
        return ports.stop(p).map(v -> {
            if (!p.listen().equals(bound)) {
                e.proxy = newProxy(p.name(), bound, p.upstream(), p.toxics());
            }
            return null;
        });
    }

    private Future<PopulateResult> populateFrom(List<ProxyConfig> configs, int i, List<Proxy> done) {
        if (i == configs.size()) {
            return Future.succeededFuture(new PopulateResult(done, Optional.empty()));
        }
        return applyNow(configs.get(i)).transform(ar -> {
            if (ar.failed()) {
                return Future.succeededFuture(new PopulateResult(done, Optional.of(SerialSteps.asProxyException(ar.cause()))));
            }
            done.add(ar.result());
            return populateFrom(configs, i + 1, done);
        });
    }

    private Future<Proxy> applyNow(ProxyConfig c) {
        Entry existing;
        synchronized (this) {
            existing = entries.get(c.name());
        }
        if (existing == null) {
            return createNow(c);
        }
        Proxy p = existing.proxy;
        boolean sameListen = c.listen().equals(existing.requestedListen) || c.listen().equals(p.listen());
        if (sameListen && c.upstream().equals(p.upstream())) {
            return Future.succeededFuture(p);
        }
        // Replaced, not updated: the old proxy's toxics go with it, as in Toxiproxy.
        return ports.stop(p).compose(v -> {
            remove(c.name(), existing);
            return createNow(c);
        });
    }

    private Proxy newProxy(String name, String listen, String upstream, List<ToxicSpec> toxics) {
        RandomGenerator random;
        synchronized (seeds) {
            random = seeds.split();
        }
        Proxy p = new Proxy(vertx, name, listen, upstream, random);
        toxics.forEach(p::addToxic);
        return p;
    }

    private synchronized Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw ProxyException.notFound("proxy not found");
        }
        return e;
    }

    private synchronized List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    private synchronized void remove(String name, Entry e) {
        entries.remove(name, e);
    }
}
