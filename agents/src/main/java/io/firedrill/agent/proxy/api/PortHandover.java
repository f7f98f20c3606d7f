package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Proxy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts and stops proxies so that an address this registry has just released can be bound again at once.
 * A closed listener can hold its port for a few milliseconds after the close completes (Netty unbinds on its
 * own schedule), yet clients re-enable a proxy, or restart it on the same port, immediately. So a bind that
 * fails with "address already in use" on an address released within {@link #GRACE_MS} is retried briefly;
 * any other failure, or a port some other process holds, fails at once.
 */
final class PortHandover {
    static final long GRACE_MS = 1000;
    private static final long RETRY_MS = 20;

    private final Vertx vertx;
    private final Map<String, Long> released = new ConcurrentHashMap<>();

    PortHandover(Vertx vertx) {
        this.vertx = vertx;
    }

    Future<Void> stop(Proxy p) {
        if (!p.enabled()) {
            return Future.succeededFuture();
        }
        String address = p.listen();
        return p.stop().onComplete(ar -> {
            long now = System.nanoTime();
            released.values().removeIf(at -> now - at > GRACE_MS * 1_000_000);
            released.put(address, now);
        });
    }

    /** Binds the proxy's address as given; retries only while that address is one this registry just let go. */
    Future<Void> start(Proxy p) {
        return attempt(p, p.listen());
    }

    private Future<Void> attempt(Proxy p, String address) {
        return p.start().recover(failure -> {
            Long at = released.get(address);
            boolean handingOver = at != null && System.nanoTime() - at < GRACE_MS * 1_000_000;
            if (!handingOver || !inUse(failure)) {
                return Future.failedFuture(failure);
            }
            Promise<Void> retried = Promise.promise();
            vertx.setTimer(RETRY_MS, id -> attempt(p, address).onComplete(retried));
            return retried.future();
        });
    }

    private static boolean inUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("address already in use")) {
                return true;
            }
        }
        return false;
    }
}
