package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy standing in for a link proxy: cutting it closes its listener and every open connection
 * (new connections are refused), restoring it listens again on the same port.
 */
final class FakeLink {
    private final Vertx vertx;
    private final int upstreamPort;
    private final NetClient client;
    private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
    private NetServer server;
    private int port;

    private FakeLink(Vertx vertx, int upstreamPort) {
        this.vertx = vertx;
        this.upstreamPort = upstreamPort;
        this.client = vertx.createNetClient();
    }

    static Future<FakeLink> start(Vertx vertx, int upstreamPort) {
        FakeLink link = new FakeLink(vertx, upstreamPort);
        return link.listen(0).map(link);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Refuses new connections and closes the open ones, as a disabled link proxy does. */
    Future<Void> cut() {
        return server.close().onComplete(closed -> {
            open.forEach(NetSocket::close);
            open.clear();
        });
    }

    Future<Void> restore() {
        return listen(port).mapEmpty();
    }

    Future<Void> stop() {
        return cut().eventually(client::close);
    }

    private Future<NetServer> listen(int onPort) {
        server = vertx.createNetServer().connectHandler(this::accept);
        return server.listen(onPort, "127.0.0.1").onSuccess(listening -> port = listening.actualPort());
    }

    private void accept(NetSocket inbound) {
        inbound.pause();
        open.add(inbound);
        client.connect(upstreamPort, "127.0.0.1").onSuccess(outbound -> {
            open.add(outbound);
            inbound.closeHandler(closed -> {
                open.remove(inbound);
                outbound.close();
            });
            outbound.closeHandler(closed -> {
                open.remove(outbound);
                inbound.close();
            });
            inbound.handler(outbound::write);
            outbound.handler(inbound::write);
            inbound.resume();
        }).onFailure(error -> inbound.close());
    }
}
