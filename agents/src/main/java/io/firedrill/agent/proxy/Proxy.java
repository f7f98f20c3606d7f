package io.firedrill.agent.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP proxy: a listener on {@code listen} that dials {@code upstream} for every accepted connection
 * and pipes both directions through its toxic chains. Safe to call from any thread; toxic changes act
 * on open connections at once.
 *
 * <p>CONTRACT:
 * <ul>
 *   <li>{@link #start()} binds; afterwards {@link #listen()} is the bound address ({@code 127.0.0.1:41234}
 *       for {@code localhost:0}) and {@link #enabled()} is true. A bind failure fails the future with
 *       {@code ProxyException(500, "listen tcp <listen>: bind: address already in use")} (or the OS cause).
 *   <li>{@link #stop()} closes the listener and every open connection; toxics are kept; enabled becomes false.
 *   <li>{@link #addToxic}: validates ({@code ProxyException} 400 with a message naming the attribute, the
 *       value and what is expected), 409 {@code toxic already exists} if the name is taken on either stream.
 *   <li>{@link #updateToxic}: 404 {@code toxic not found}; merges attributes, keeps toxicity when null.
 *   <li>{@link #removeToxic}: 404 {@code toxic not found}; buffered data is flushed, not lost.
 * </ul>
 *
 * <p>Toxic changes are made under one lock and dispatched, still under it, to each open connection's event
 * loop; a connection registers under the same lock with a snapshot of the toxics, so it sees every change
 * exactly once and in order.
 */
public final class Proxy {
    /** The largest read of a busy connection; bulk transfers cross about a fifth faster than with 64 KiB. */
    static final int READ_SIZE = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Proxy.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /** One run between {@link #start()} and {@link #stop()}. */
    private static final class Session {
        final NetClient client;
        final HostPort target;
        volatile Acceptors acceptors;
        volatile HostPort bound;

        Session(NetClient client, HostPort target) {
            this.client = client;
            this.target = target;
        }
    }

    private final Vertx vertx;
    private final String name;
    private final String listen;
    private final String upstream;
    private final RandomGenerator random;
    private final Traffic traffic = new Traffic();
    private final Object lock = new Object();
    private final ToxicList toxics = new ToxicList();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile Session session;
    private Future<Void> lifecycle = Future.succeededFuture();

    /**
     * @param random the source of toxicity rolls and of the per-connection generators behind jitter and slice
     *               sizes; a seeded one makes a run repeatable
     */
    public Proxy(Vertx vertx, String name, String listen, String upstream, RandomGenerator random) {
        this.vertx = vertx;
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.random = random;
    }

    public String name() {
        return name;
    }

    /** As given while stopped; the bound {@code host:port} while running. */
    public String listen() {
        Session s = session;
        HostPort bound = s == null ? null : s.bound;
        return bound == null ? listen : bound.toString();
    }

    public String upstream() {
        return upstream;
    }

    public boolean enabled() {
        Session s = session;
        return s != null && s.bound != null;
    }

    public Future<Void> start() {
        synchronized (lock) {
            lifecycle = lifecycle.transform(ar -> enabled() ? Future.succeededFuture() : bind());
            return lifecycle;
        }
    }

    public Future<Void> stop() {
        synchronized (lock) {
            lifecycle = lifecycle.transform(ar -> shutdown());
            return lifecycle;
        }
    }

    private Future<Void> bind() {
        HostPort address;
        try {
            address = HostPort.parse(listen);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ProxyException(500, "listen tcp: " + e.getMessage()));
        }
        HostPort target;
        try {
            target = HostPort.parse(upstream);
        } catch (IllegalArgumentException e) {
            log.warn("proxy {}: upstream {} is not host:port; every connection will be closed", name, upstream);
            target = null;
        }
        Session s = new Session(vertx.createNetClient(
                new NetClientOptions().setTcpNoDelay(true)), target);
        session = s;
        return Acceptors.bind(vertx, address, socket -> accept(s, socket))
                .onSuccess(acceptors -> {
                    s.acceptors = acceptors;
                    s.bound = address.bound(acceptors.port());
                    log.info("proxy {} listening on {}, forwarding to {}", name, s.bound, upstream);
                })
                .recover(e -> {
                    synchronized (lock) {
                        session = null;
                    }
                    s.client.close();
                    log.debug("proxy {} cannot listen on {}: {}", name, listen, e.toString());
                    return Future.failedFuture(Acceptors.bindError(listen, e));
                })
                .mapEmpty();
    }

    private void accept(Session s, NetSocket socket) {
        ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
        Connection connection;
        synchronized (lock) {
            if (session != s) {
                socket.close();
                return;
            }
            connection = new Connection(name, socket, context, traffic, random, toxics.all(), connections::remove);
            connections.add(connection);
        }
        connection.open(s.client, s.target, upstream);
    }

    private Future<Void> shutdown() {
        Session s;
        List<Connection> open;
        synchronized (lock) {
            s = session;
            session = null;
            open = List.copyOf(connections);
        }
        if (s == null || s.acceptors == null) {
            return Future.succeededFuture();
        }
        List<Future<Void>> closing = new ArrayList<>();
        open.forEach(c -> closing.add(c.close()));
        return s.acceptors.close()
                .transform(ar -> Future.join(closing))
                .timeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .transform(ar -> s.client.close())
                .onComplete(ar -> log.info("proxy {} stopped; closed {} connection(s)", name, open.size()))
                .mapEmpty();
    }

    /** Upstream toxics first, then downstream, each in insertion order. */
    public List<ToxicSpec> toxics() {
        synchronized (lock) {
            return toxics.all();
        }
    }

    public Optional<ToxicSpec> toxic(String name) {
        synchronized (lock) {
            return toxics.find(name);
        }
    }

    public ToxicSpec addToxic(ToxicSpec spec) {
        Toxics.validate(spec);
        synchronized (lock) {
            toxics.add(spec);
            dispatch(c -> c.link(spec.stream()).add(spec));
        }
        log.debug("proxy {}: added toxic {}", name, spec);
        return spec;
    }

    public ToxicSpec updateToxic(String name, Map<String, Long> attributes, Double toxicity) {
        ToxicSpec updated;
        synchronized (lock) {
            ToxicSpec old = toxics.get(name);
            updated = old.update(attributes == null ? Map.of() : attributes, toxicity);
            Toxics.validate(updated);
            toxics.replace(updated);
            boolean toxicityChanged = updated.toxicity() != old.toxicity();
            ToxicSpec applied = updated;
            dispatch(c -> c.link(applied.stream()).update(applied, toxicityChanged));
        }
        log.debug("proxy {}: updated toxic {}", this.name, updated);
        return updated;
    }

    public void removeToxic(String name) {
        synchronized (lock) {
            ToxicSpec removed = toxics.remove(name);
            dispatch(c -> c.link(removed.stream()).remove(removed.name()));
        }
        log.debug("proxy {}: removed toxic {}", this.name, name);
    }

    public void removeAllToxics() {
        synchronized (lock) {
            for (ToxicSpec removed : toxics.clear()) {
                dispatch(c -> c.link(removed.stream()).remove(removed.name()));
            }
        }
    }

    private void dispatch(Consumer<Connection> change) {
        connections.forEach(c -> c.dispatch(change));
    }

    /**
     * Completes once every toxic change made so far acts on every connection open now. Changes reach open
     * connections asynchronously, on their own event loops; a caller that must not let data overtake a change
     * (as the reference's API does by applying changes before it answers) waits for this first.
     */
    public Future<Void> changesApplied() {
        List<Future<Void>> applied = new ArrayList<>();
        synchronized (lock) {
            connections.forEach(c -> {
                Promise<Void> done = Promise.promise();
                c.dispatch(x -> done.complete());
                applied.add(done.future());
            });
        }
        return Future.join(applied).mapEmpty();
    }

    /** Bytes read from the client ({@code UPSTREAM}) or from the upstream ({@code DOWNSTREAM}). */
    public long bytesReceived(Direction direction) {
        return traffic.received(direction).sum();
    }

    /** Bytes written to the upstream ({@code UPSTREAM}) or to the client ({@code DOWNSTREAM}). */
    public long bytesSent(Direction direction) {
        return traffic.sent(direction).sum();
    }

    /** How many writes chunks leaving toxic stages took, e.g. the pieces a slicer made; a test seam. */
    long toxicWrites(Direction direction) {
        return traffic.toxicWrites(direction).sum();
    }

    public int openConnections() {
        return connections.size();
    }

    /**
     * Bytes currently held by toxics across all open connections (each link holds a little over 256 KiB at
     * most before it stops reading from its source). Approximate while traffic flows.
     */
    public long bufferedBytes() {
        long sum = 0;
        for (Connection c : connections) {
            sum += c.buffered();
        }
        return sum;
    }
}
