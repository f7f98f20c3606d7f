package io.firedrill.agent.proxy;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted client connection and the upstream connection dialled for it, joined by two {@link Link}s.
 *
 * <p>Created on the accepted socket's event loop, it dials from there, so both sockets share that loop and a
 * chunk crosses the proxy without a thread hop; every method runs on it (changes from the API arrive through
 * {@link #dispatch}). The client is paused until the upstream answers. When either socket closes, the link
 * reading it carries the end through its toxics to the other socket; the connection is over once both closed.
 */
final class Connection {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final String proxyName;
    private final ContextInternal context;
    private final NetSocketInternal client;
    private final Link upstream;
    private final Link downstream;
    private final Consumer<Connection> onFinished;
    private final Promise<Void> finished = Promise.promise();
    private final List<Object> early = new ArrayList<>();
    private NetSocketInternal server;
    private boolean clientOpen = true;
    private boolean serverOpen;
    private boolean dialing = true;
    private boolean closing;

    /** Call on the client socket's event loop, from its connect handler. */
    Connection(String proxyName, NetSocket client, ContextInternal context, Traffic traffic,
            RandomGenerator roller, List<ToxicSpec> toxics, Consumer<Connection> onFinished) {
        this.proxyName = proxyName;
        this.context = context;
        this.client = (NetSocketInternal) client;
        this.onFinished = onFinished;
        long seed;
        synchronized (roller) {
            seed = roller.nextLong();
        }
        SplittableRandom own = new SplittableRandom(seed);
        this.upstream = new Link(Direction.UPSTREAM, this, context, roller, own.split(), traffic,
                toxics.stream().filter(t -> t.stream() == Direction.UPSTREAM).toList());
        this.downstream = new Link(Direction.DOWNSTREAM, this, context, roller, own.split(), traffic,
                toxics.stream().filter(t -> t.stream() == Direction.DOWNSTREAM).toList());
        // The handler goes on before pausing so that nothing read in between is handed to a missing handler.
        this.client.messageHandler(early::add);
        this.client.pause();
        this.client.exceptionHandler(e -> log.debug("proxy {}: client socket: {}", proxyName, e.toString()));
        this.client.closeHandler(v -> clientClosed());
    }

    /** Dials {@code target}, or fails at once when the upstream address ({@code upstream}) did not parse. */
    void open(NetClient netClient, HostPort target, String upstream) {
        log.debug("proxy {}: accepted {}, dialling {}", proxyName, client.remoteAddress(), upstream);
        if (target == null) {
            dialFailed(new IllegalArgumentException("upstream " + upstream + " is not host:port"));
            return;
        }
        netClient.connect(target.port(), target.host()).onComplete(this::connected, this::dialFailed);
    }

    private void connected(NetSocket socket) {
        dialing = false;
        server = (NetSocketInternal) socket;
        serverOpen = true;
        server.exceptionHandler(e -> log.debug("proxy {}: upstream socket: {}", proxyName, e.toString()));
        server.closeHandler(v -> serverClosed());
        if (closing || !clientOpen) {
            dropEarly();
            server.close();
            return;
        }
        readInLargerChunksWhenBusy(client);
        readInLargerChunksWhenBusy(server);
        downstream.start(server, client, List.of());
        upstream.start(client, server, early);
        early.clear();
    }

    /**
     * Reads grow up to {@link Proxy#READ_SIZE} on a connection that keeps filling them (a bulk transfer crosses
     * in fewer, larger system calls) and stay small on chatty ones, so idle or slow connections hold no large
     * buffers.
     */
    private static void readInLargerChunksWhenBusy(NetSocketInternal socket) {
        try {
            socket.channelHandlerContext().channel().config().setRecvByteBufAllocator(
                    new AdaptiveRecvByteBufAllocator(64, 2048, Proxy.READ_SIZE));
        } catch (RuntimeException alreadyClosed) {
            // Closed meanwhile: nothing will be read from it.
        }
    }

    private void dialFailed(Throwable cause) {
        dialing = false;
        log.debug("proxy {}: upstream dial failed, closing the client: {}", proxyName, cause.toString());
        dropEarly();
        client.close();
        finishIfDone();
    }

    /**
     * Netty's pooled buffers read before the upstream answered must go back to the pool if nobody forwards
     * them: those collected so far, and those Vert.x still holds for the paused client.
     */
    private void dropEarly() {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
        client.messageHandler(ReferenceCountUtil::release);
        client.resume();
    }

    private void clientClosed() {
        clientOpen = false;
        upstream.sourceClosed();
        downstream.destClosed();
        finishIfDone();
    }

    private void serverClosed() {
        serverOpen = false;
        downstream.sourceClosed();
        upstream.destClosed();
        finishIfDone();
    }

    private void finishIfDone() {
        if (clientOpen || serverOpen || dialing || finished.future().isComplete()) {
            return;
        }
        upstream.dispose();
        downstream.dispose();
        log.debug("proxy {}: connection from {} closed", proxyName, client.remoteAddress());
        onFinished.accept(this);
        finished.complete();
    }

    /** Runs {@code change} on this connection's event loop, after every change dispatched before it. */
    void dispatch(Consumer<Connection> change) {
        context.runOnContext(v -> change.accept(this));
    }

    Link link(Direction direction) {
        return direction == Direction.UPSTREAM ? upstream : downstream;
    }

    /** Bytes held by this connection's toxics; read from any thread, so only approximately current. */
    long buffered() {
        return upstream.buffered() + downstream.buffered();
    }

    /** Closes both sockets from any thread; completes once both are closed. */
    Future<Void> close() {
        context.runOnContext(v -> {
            closing = true;
            client.close();
            if (server != null) {
                server.close();
            }
        });
        return finished.future();
    }

    /** Closes both sockets with a TCP RST: SO_LINGER 0 makes the kernel drop unsent data and reset. */
    void reset() {
        log.debug("proxy {}: resetting connection from {}", proxyName, client.remoteAddress());
        closing = true;
        abort(client);
        if (server != null) {
            abort(server);
        }
    }

    private static void abort(NetSocketInternal socket) {
        try {
            socket.channelHandlerContext().channel().config().setOption(ChannelOption.SO_LINGER, 0);
        } catch (RuntimeException alreadyClosed) {
            // The socket is gone; closing it below is then a no-op.
        }
        socket.close();
    }
}
