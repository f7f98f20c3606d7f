package io.firedrill.agent.control;

import io.firedrill.agent.AgentConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;

/**
 * Where and how the agent dials: host, port and path split out of the {@code ws://} URI by hand, because
 * Vert.x's absolute-URI setter goes through {@link java.net.URL}, which knows no {@code ws} scheme.
 */
record ConnectTarget(URI uri, String host, int port, boolean ssl, String path) {
    /** The request header that names the agent's region; the token comes as {@code Authorization: Bearer}. */
    static final String REGION_HEADER = "X-Firedrill-Region";
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    static ConnectTarget of(AgentConfig config) {
        URI uri = config.connectUri();
        boolean ssl = "wss".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        return new ConnectTarget(uri, uri.getHost(), port, ssl, uri.getRawPath());
    }

    WebSocketConnectOptions options(AgentConfig config) {
        return new WebSocketConnectOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(path)
                .setTimeout(HANDSHAKE_TIMEOUT_MILLIS)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + config.token())
                .putHeader(REGION_HEADER, config.region());
    }
}
