package io.firedrill.agent.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.ServerID;
import java.net.BindException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listening side of one proxy: several Vert.x servers on different event loops sharing one port, so that
 * accepted connections (and the work of piping them) spread over the loops round-robin. Each server's connect
 * handler runs on its own loop, which is where the connection then lives.
 *
 * <p>Vert.x shares a port between servers of the same instance that listen on the same host and port, which is
 * what spreads the load here, but it would also let a second proxy silently join the first one's port. The
 * first bind therefore checks Vert.x's table of shared servers and refuses a taken address as the OS would. For
 * port 0 the servers share under a negative port, Vert.x's key for "one random port shared by these servers",
 * made unique per bind.
 */
final class Acceptors {
    private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger(100_000);
    private static final int COUNT = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final List<NetServer> servers;

    private Acceptors(List<NetServer> servers) {
        this.servers = servers;
    }

    int port() {
        return servers.get(0).actualPort();
    }

    /** Binds; a failure carries the OS's reason in the cause ({@link BindException} for a taken address). */
    static Future<Acceptors> bind(Vertx vertx, HostPort address, Handler<NetSocket> onAccept) {
        VertxInternal internal = (VertxInternal) vertx;
        int port = address.port() == 0 ? -RANDOM_PORT_KEYS.incrementAndGet() : address.port();
        NetServerOptions options = new NetServerOptions().setAcceptBacklog(4096).setTcpNoDelay(true);
        List<NetServer> servers = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < COUNT; i++) {
            boolean first = i == 0;
            ContextInternal context = internal.createEventLoopContext();
            NetServer server = vertx.createNetServer(options).connectHandler(onAccept);
            servers.add(server);
            chain = chain.compose(v -> listen(internal, context, server, port, address.bindHost(), first));
        }
        return chain
                .map(v -> new Acceptors(servers))
                .recover(e -> closeAll(servers).transform(ignored -> Future.failedFuture(e)));
    }

    private static Future<Void> listen(VertxInternal vertx, ContextInternal context, NetServer server, int port,
            String host, boolean first) {
        Promise<Void> listening = Promise.promise();
        // A server accepts on the event loop of the context it listens from.
        context.runOnContext(v -> {
            Map<ServerID, ?> shared = vertx.sharedTcpServers();
            // Held across the check and the listen call, which registers the server in the same map.
            synchronized (shared) {
                if (first && port > 0 && shared.containsKey(new ServerID(port, host))) {
                    listening.fail(new BindException("Address already in use"));
                    return;
                }
                server.listen(port, host).<Void>mapEmpty().onComplete(listening);
            }
        });
        return listening.future();
    }

    /**
     * The error {@code start()} reports for a failed bind, worded like Go's so Toxiproxy clients see the same
     * text: {@code listen tcp 127.0.0.1:8474: bind: address already in use}.
     */
    static ProxyException bindError(String listen, Throwable e) {
        String reason = String.valueOf(e.getMessage());
        String detail;
        if (reason.toLowerCase(Locale.ROOT).contains("address already in use")) {
            detail = "bind: address already in use";
        } else if (e instanceof BindException) {
            detail = "bind: " + reason.toLowerCase(Locale.ROOT);
        } else if (e instanceof UnknownHostException) {
            detail = "lookup " + listen.substring(0, Math.max(0, listen.lastIndexOf(':'))) + ": no such host";
        } else {
            detail = reason;
        }
        return new ProxyException(500, "listen tcp " + listen + ": " + detail);
    }

    Future<Void> close() {
        return closeAll(servers);
    }

    private static Future<Void> closeAll(List<NetServer> servers) {
        List<Future<Void>> closing = new ArrayList<>();
        servers.forEach(s -> closing.add(s.close()));
        return Future.join(closing).mapEmpty();
    }
}
