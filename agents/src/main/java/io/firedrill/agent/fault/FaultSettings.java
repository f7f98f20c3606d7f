package io.firedrill.agent.fault;

import io.firedrill.model.Link;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an agent carries out faults.
 *
 * @param toxiproxy  an external Toxiproxy API to drive ({@code http://host:8474}); empty runs the built-in one
 * @param proxyApi   where the built-in proxy server's Toxiproxy API listens (port 0 picks a free one)
 * @param hostTargets the processes and commands host faults may touch
 * @param stateDir   where the journal of held faults lives
 * @param links      the links this agent carries, from its estate: their proxies are created at start so
 *                   traffic flows before any fault, and cleaned of leftover toxics
 */
public record FaultSettings(
        Optional<URI> toxiproxy, ProxyApi proxyApi, HostTargets hostTargets, Path stateDir, List<Link> links) {
    public static final ProxyApi DEFAULT_PROXY_API = new ProxyApi("127.0.0.1", 0);

    /** The built-in proxy server's API address; port 0 picks a free port. */
    public record ProxyApi(String host, int port) {
        public ProxyApi {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("proxy API port must be 0-65535, got " + port);
            }
        }

        /** {@code host:port}, the message naming the value and the expected form. */
        public static ProxyApi parse(String text) {
            int colon = text.lastIndexOf(':');
            try {
                if (colon > 0) {
                    return new ProxyApi(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("--proxy-api '" + text + "' is not valid: expected HOST:PORT with a port "
                    + "of 0-65535, e.g. 127.0.0.1:8474");
        }
    }

    public FaultSettings {
        Objects.requireNonNull(toxiproxy, "toxiproxy");
        Objects.requireNonNull(proxyApi, "proxyApi");
        Objects.requireNonNull(hostTargets, "hostTargets");
        Objects.requireNonNull(stateDir, "stateDir");
        links = List.copyOf(links);
        toxiproxy.ifPresent(FaultSettings::checkToxiproxy);
    }

    public static FaultSettings defaults(Path stateDir) {
        return new FaultSettings(Optional.empty(), DEFAULT_PROXY_API, HostTargets.none(), stateDir, List.of());
    }

    public FaultSettings withLinks(List<Link> newLinks) {
        return new FaultSettings(toxiproxy, proxyApi, hostTargets, stateDir, newLinks);
    }

    private static void checkToxiproxy(URI uri) {
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("--toxiproxy '" + uri + "' is not valid: expected http://host:port "
                    + "(e.g. http://127.0.0.1:8474)");
        }
    }
}
