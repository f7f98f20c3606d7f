package io.firedrill.agent.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x instance for processes that carry proxied traffic (an agent, {@code firedrill proxy}): on Linux
 * it runs on the native epoll transport, whose sockets move bytes with fewer copies than NIO; elsewhere, or
 * when the native library cannot load, Vert.x falls back to NIO and this says so once.
 */
public final class ProxyVertx {
    private static final Logger log = LoggerFactory.getLogger(ProxyVertx.class);

    private ProxyVertx() {}

    public static Vertx create() {
        Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
        if (vertx.isNativeTransportEnabled()) {
            log.debug("proxied traffic runs on the native transport");
        } else {
            log.info("native transport unavailable ({}); proxied traffic runs on NIO",
                    vertx.unavailableNativeTransportCause() == null ? "not supported here"
                            : vertx.unavailableNativeTransportCause().toString());
        }
        return vertx;
    }
}
