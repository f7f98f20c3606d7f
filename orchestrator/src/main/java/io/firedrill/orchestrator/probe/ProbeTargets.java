package io.firedrill.orchestrator.probe;

import io.firedrill.model.Estate;
import io.firedrill.model.Expectation;
import io.firedrill.model.HostPort;
import io.firedrill.model.Link;
import io.firedrill.model.Probe;
import io.firedrill.model.Service;
import io.firedrill.wire.ProbeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an experiment's probes into what agents run, resolving each target against the estate so that the
 * agent needs none: a link becomes its listen address (the probe then crosses the link's proxy and sees the
 * faults on it), a service its endpoint.
 *
 * <p>Credentials: the estate format has no credential fields. H2 endpoints get H2's default user {@code sa} with
 * an empty password, which is what the reference estate uses; other databases take them from their JDBC URL
 * (the PostgreSQL reference estate names its observer role there: {@code ?user=probe&password=probe}), since the
 * drivers read them from it.
 */
public final class ProbeTargets {
    /** H2's default user, which the reference estate's H2 servers accept with an empty password. */
    public static final String H2_USER = "sa";

    private final Estate estate;

    public ProbeTargets(Estate estate) {
        this.estate = estate;
    }

    /** The probes by the region whose agent runs them, in the order given. */
    public Map<String, List<ProbeSpec>> byRegion(List<Probe> probes) {
        Map<String, List<ProbeSpec>> byRegion = new LinkedHashMap<>();
        for (Probe p : probes) {
            byRegion.computeIfAbsent(p.region(), r -> new ArrayList<>()).add(spec(p));
        }
        return byRegion;
    }

    /** One probe, resolved; an {@link IllegalArgumentException} naming the probe when its target cannot be probed. */
    public ProbeSpec spec(Probe probe) {
        long interval = probe.interval().toMillis();
        long timeout = probe.timeout().toMillis();
        Optional<Link> link = estate.link(probe.target());
        return switch (probe.type()) {
            case HTTP -> ProbeSpec.http(probe.name(), link.map(l -> "http://" + l.listen())
                    .orElseGet(() -> service(probe).endpoint()), probe.path().orElse(null), interval, timeout,
                    ((Expectation.Http) probe.expect()).status());
            case TCP -> ProbeSpec.tcp(probe.name(), link.map(l -> l.listen().toString())
                    .orElseGet(() -> hostPort(probe, service(probe).endpoint()).toString()), interval, timeout);
            case SQL -> {
                String url = link.map(l -> throughLink(probe, l)).orElseGet(() -> service(probe).endpoint());
                boolean h2 = url.startsWith("jdbc:h2:");
                yield ProbeSpec.sql(probe.name(), url, ((Expectation.Sql) probe.expect()).query(), h2 ? H2_USER : null,
                        h2 ? "" : null, interval, timeout);
            }
        };
    }

    private Service service(Probe probe) {
        return estate.service(probe.target()).orElseThrow(() -> new IllegalArgumentException("probe '" + probe.name()
                + "' targets '" + probe.target() + "', which is neither a service nor a link of estate '"
                + estate.name() + "'"));
    }

    /**
     * A sql probe through a link: the JDBC URL of the sql service the link leads to (its upstream), with the
     * link's listen address in place of the service's.
     */
    private String throughLink(Probe probe, Link link) {
        for (Service s : estate.services()) {
            if (s.kind() == Service.Kind.SQL && hostPort(probe, s.endpoint()).equals(link.upstream())) {
                String authority = authority(s.endpoint());
                return s.endpoint().replace("//" + authority, "//" + link.listen());
            }
        }
        throw new IllegalArgumentException("sql probe '" + probe.name() + "' goes through link '" + link.name()
                + "', but no sql service of estate '" + estate.name() + "' listens on its upstream " + link.upstream()
                + ", so there is no JDBC URL to rewrite; target a sql service, or a link whose upstream is one");
    }

    /** The host and port an endpoint ({@code http://h:p/...}, {@code jdbc:...://h:p/db}, {@code h:p}) connects to. */
    static HostPort hostPort(Probe probe, String endpoint) {
        String authority = authority(endpoint);
        try {
            if (authority.matches(".*:\\d+$")) {
                return HostPort.parse(authority);
            }
            return new HostPort(authority, defaultPort(endpoint));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("probe '" + probe.name() + "': cannot tell the host and port of endpoint '"
                    + endpoint + "': " + e.getMessage());
        }
    }

    private static String authority(String endpoint) {
        int slashes = endpoint.indexOf("//");
        if (slashes < 0) {
            return endpoint;
        }
        String rest = endpoint.substring(slashes + 2);
        int end = rest.length();
        for (char c : new char[] {'/', ';', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        int userInfo = authority.lastIndexOf('@');
        return userInfo < 0 ? authority : authority.substring(userInfo + 1);
    }

    private static int defaultPort(String endpoint) {
        if (endpoint.startsWith("https:")) {
            return 443;
        } else if (endpoint.startsWith("http:")) {
            return 80;
        } else if (endpoint.startsWith("jdbc:postgresql:")) {
            return 5432;
        } else if (endpoint.startsWith("jdbc:h2:")) {
            return 9092;
        }
        throw new IllegalArgumentException("no port given and no default known for it");
    }
}
