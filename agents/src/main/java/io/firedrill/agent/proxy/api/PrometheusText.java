package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.Direction;
import io.firedrill.agent.proxy.Proxy;
import java.util.List;
import java.util.function.ToLongBiFunction;

/**
 * The proxies' counters in the Prometheus text format (0.0.4), named and labelled as Toxiproxy's
 * ({@code toxiproxy_proxy_received_bytes_total{direction,listener,proxy,upstream}}) so existing dashboards work.
 * Open connections are our addition, under the same prefix.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    static String render(List<Proxy> proxies) {
        StringBuilder out = new StringBuilder();
        bytes(out, proxies, "toxiproxy_proxy_received_bytes_total",
                "Bytes the proxy read: from clients (direction upstream) or from upstreams (direction downstream).",
                Proxy::bytesReceived);
        bytes(out, proxies, "toxiproxy_proxy_sent_bytes_total",
                "Bytes the proxy wrote: to upstreams (direction upstream) or to clients (direction downstream).",
                Proxy::bytesSent);
        header(out, "toxiproxy_proxy_open_connections", "Client connections open through the proxy.", "gauge");
        for (Proxy p : proxies) {
            out.append("toxiproxy_proxy_open_connections{").append(labels(p, null)).append("} ")
                    .append(p.openConnections()).append('\n');
        }
        return out.toString();
    }

    private static void bytes(StringBuilder out, List<Proxy> proxies, String name, String help,
                              ToLongBiFunction<Proxy, Direction> counter) {
        header(out, name, help, "counter");
        for (Proxy p : proxies) {
            for (Direction d : Direction.values()) {
                out.append(name).append('{').append(labels(p, d)).append("} ")
                        .append(counter.applyAsLong(p, d)).append('\n');
            }
        }
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Labels in Prometheus' sorted order, as Toxiproxy's client library writes them. */
    private static String labels(Proxy p, Direction direction) {
        StringBuilder s = new StringBuilder();
        if (direction != null) {
            s.append("direction=\"").append(direction.wireName()).append("\",");
        }
        s.append("listener=\"").append(escape(p.listen())).append("\",");
        s.append("proxy=\"").append(escape(p.name())).append("\",");
        s.append("upstream=\"").append(escape(p.upstream())).append('"');
        return s.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
