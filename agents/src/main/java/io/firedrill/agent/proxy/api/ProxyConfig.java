package io.firedrill.agent.proxy.api;

import java.util.Objects;

/**
 * A proxy as a client asks for it on create or populate.
 *
 * @param listen the address to bind, as given ({@code localhost:0} picks a free port)
 * @param enabled whether to bind at once; a disabled proxy holds no port until enabled
 */
public record ProxyConfig(String name, String listen, String upstream, boolean enabled) {
    /** Where a proxy listens when the request names no address: a free port on loopback, never every interface. */
    public static final String DEFAULT_LISTEN = "127.0.0.1:0";

    public ProxyConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(upstream, "upstream");
        listen = listen == null || listen.isEmpty() ? DEFAULT_LISTEN : listen;
    }
}
