package io.firedrill.agent.probe;

import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetClient;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Builds the check of each probe type: the one place the implementations are registered. Owns what the
 * checks share: an HTTP client without keep-alive (each attempt dials, so a blackout is seen at the next
 * attempt rather than when a pooled connection happens to notice), a TCP client, and the worker pools of
 * the sql checks.
 */
final class ProbeChecks {
    private final HttpClientAgent http;
    private final NetClient tcp;
    private final WorkerExecutor sqlWorkers;
    private final WorkerExecutor sqlAborts;

    ProbeChecks(Vertx vertx, String region, ProbeSettings settings) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(256));
        this.tcp = vertx.createNetClient();
        this.sqlWorkers = vertx.createSharedWorkerExecutor("firedrill-probes-sql-" + region, settings.sqlThreads());
        this.sqlAborts = vertx.createSharedWorkerExecutor("firedrill-probes-abort-" + region, 2);
    }

    /** The check for {@code spec}; an {@link IllegalArgumentException} naming the probe when its address cannot be used. */
    ProbeCheck create(ProbeSpec spec) {
        return switch (spec.type()) {
            case ProbeSpec.HTTP -> {
                checkUrl(spec);
                yield new HttpCheck(http, spec);
            }
            case ProbeSpec.TCP -> {
                int colon = spec.address().lastIndexOf(':');
                String host = spec.address().substring(0, colon).replace("[", "").replace("]", "");
                yield new TcpCheck(tcp, host, Integer.parseInt(spec.address().substring(colon + 1)),
                        spec.timeoutMillis());
            }
            case ProbeSpec.SQL -> new SqlCheck(sqlWorkers, sqlAborts, spec);
            default -> throw new IllegalArgumentException("probe '" + spec.name() + "': unknown type " + spec.type());
        };
    }

    private static void checkUrl(ProbeSpec spec) {
        try {
            URI uri = new URI(spec.url());
            if (uri.getHost() == null) {
                throw new URISyntaxException(spec.url(), "no host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("probe '" + spec.name() + "': " + spec.url()
                    + " is not a URL an http probe can request: " + e.getMessage());
        }
    }

    Future<Void> close() {
        return Future.join(http.close(), tcp.close(), sqlWorkers.close(), sqlAborts.close()).mapEmpty();
    }
}
