package io.firedrill.agent.proxy;

/**
 * A {@code host:port} address as Toxiproxy writes them ({@code [::1]:8080} for IPv6, {@code :8080} for every
 * interface).
 */
record HostPort(String host, int port) {
    /** Parses {@code host:port}; the message of the exception reads like Go's, e.g. {@code address x: missing port in address}. */
    static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + text + ": missing port in address");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("address " + text + ": too many colons in address");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("address " + text + ": invalid port");
        }
        return new HostPort(host, port);
    }

    /** The host to bind: every IPv4 interface when none is given. */
    String bindHost() {
        return host.isEmpty() ? "0.0.0.0" : host;
    }

    /**
     * How the bound address is reported once listening on {@code actualPort}: {@code localhost} as
     * {@code 127.0.0.1}, as Toxiproxy reports the resolved address; other names are kept as given, since
     * resolving them here would block.
     */
    HostPort bound(int actualPort) {
        String shown = "localhost".equalsIgnoreCase(host) ? "127.0.0.1" : bindHost();
        return new HostPort(shown, actualPort);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
