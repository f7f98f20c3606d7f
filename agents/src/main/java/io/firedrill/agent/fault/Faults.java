package io.firedrill.agent.fault;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.agent.proxy.api.ToxiproxyServer;
import io.firedrill.wire.Message;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's fault feature: the proxy server its links run through (built in, or an external Toxiproxy),
 * the drivers, and the {@link FaultKeeper}. Start order: proxy API up, clean slate (leftovers of a crashed
 * run reverted), the estate's links created; stop order: every held fault reverted, then the proxy server
 * stopped.
 */
public final class Faults {
    /** What an agent with this feature can do, announced in its hello. */
    public static final List<String> CAPABILITIES = List.of("fault/v1", "lease/v1", "toxiproxy/v1");
    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    private final Vertx vertx;
    private final FaultSettings settings;
    private final Clock clock;
    private final String region;
    private ToxiproxyServer builtIn;
    private FaultKeeper keeper;
    private URI api;

    public Faults(Vertx vertx, FaultSettings settings, Clock clock, String region) {
        this.vertx = vertx;
        this.settings = settings;
        this.clock = clock;
        this.region = region;
    }

    /** Starts the proxy server if built in, reverts leftovers, creates the links; reports go to {@code reports}. */
    public Future<Void> start(Consumer<Message> reports) {
        Future<URI> endpoint = settings.toxiproxy().map(Future::succeededFuture).orElseGet(() -> {
            builtIn = new ToxiproxyServer(vertx);
            return builtIn.start(settings.proxyApi().host(), settings.proxyApi().port())
                    .map(port -> URI.create("http://" + settings.proxyApi().host() + ":" + port));
        });
        return endpoint.compose(uri -> {
            api = uri;
            ToxiproxyClient client = new ToxiproxyClient(uri.getHost(), uri.getPort());
            keeper = new FaultKeeper(vertx, clock, new LinkDriver(client), new HostDriver(settings.hostTargets()),
                    new FaultJournal(settings.stateDir()), builtIn == null, reports, region);
            log.info("region {}: faults through the {} Toxiproxy API at {}; {} link(s) carried here", region,
                    builtIn == null ? "external" : "built-in", uri, settings.links().size());
            return keeper.cleanSlate(settings.links());
        });
    }

    /** Takes a fault command from the control channel. */
    public void handle(Message command) {
        if (keeper == null) {
            log.warn("region {}: fault command before the fault feature started; ignored", region);
            return;
        }
        keeper.handle(command);
    }

    /** The Toxiproxy API the agent drives: the built-in server's bound address or the external one. */
    public Optional<URI> api() {
        return Optional.ofNullable(api);
    }

    public Future<List<String>> heldIds() {
        return keeper == null ? Future.succeededFuture(List.of()) : keeper.heldIds();
    }

    public Future<Integer> heldCount() {
        return keeper == null ? Future.succeededFuture(0) : keeper.heldCount();
    }

    /** Reverts every held fault, then stops the built-in proxy server. */
    public Future<Void> stop(String reason) {
        Future<Void> reverted = keeper == null ? Future.succeededFuture() : keeper.revertAll(reason);
        return reverted.transform(ar -> builtIn == null ? Future.<Void>succeededFuture() : builtIn.stop());
    }
}
