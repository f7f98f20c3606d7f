package io.firedrill.agent.fault;

import io.firedrill.agent.proxy.api.ProxyConfig;
import io.firedrill.agent.proxy.api.ToxiproxyServer;
import io.firedrill.model.Link;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * One agent's links served on a Toxiproxy-compatible server, without the rest of the agent: for running
 * an estate on its own ({@code firedrill estate up}) and for tests that fault links through the Toxiproxy
 * client. Proxies carry the names an agent gives them, so faults address them the same way.
 */
public final class LinkHost {
    private final ToxiproxyServer server;
    private final String host;
    private final List<Link> links;

    private LinkHost(ToxiproxyServer server, String host, List<Link> links) {
        this.server = server;
        this.host = host;
        this.links = links;
    }

    /** Starts the API on {@code host:apiPort} (0: a free port) and creates every link, enabled. */
    public static Future<LinkHost> start(Vertx vertx, String host, int apiPort, List<Link> links) {
        ToxiproxyServer server = new ToxiproxyServer(vertx);
        List<ProxyConfig> configs = links.stream().map(l -> new ProxyConfig(proxyName(l.name()),
                l.listen().toString(), l.upstream().toString(), true)).toList();
        return server.start(host, apiPort)
                .compose(port -> server.registry().populate(configs))
                .compose(result -> result.error().isPresent()
                        ? Future.<LinkHost>failedFuture(result.error().get())
                        : Future.succeededFuture(new LinkHost(server, host, List.copyOf(links))))
                .recover(failure -> server.stop().transform(ignored -> Future.<LinkHost>failedFuture(failure)));
    }

    /** The Toxiproxy proxy name of a link: its name with {@code /} replaced by {@code .}. */
    public static String proxyName(String link) {
        return LinkDriver.proxyName(link);
    }

    public int apiPort() {
        return server.port();
    }

    /** The Toxiproxy API address, for {@code new ToxiproxyClient(host, port)} or toxiproxy-cli. */
    public String apiUrl() {
        return "http://" + host + ":" + server.port();
    }

    public List<Link> links() {
        return links;
    }

    public Future<Void> stop() {
        return server.stop();
    }
}
