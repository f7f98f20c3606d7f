package io.firedrill.cli.bench;

import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One proxy created through the API for a section, and the address it listens on. Closing deletes it, which
 * also closes its connections, so sections do not disturb each other.
 */
record ProxyUnderTest(Proxy api, InetSocketAddress address) implements AutoCloseable {
    /** {@code 127.0.0.1:41234} as the API reports a bound listener. */
    static InetSocketAddress parse(String listen) throws IOException {
        int colon = listen.lastIndexOf(':');
        int port;
        try {
            port = colon < 0 ? 0 : Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = 0;
        }
        if (port == 0) {
            throw new IOException("the API reported listen '" + listen + "'; expected the bound host:port");
        }
        return new InetSocketAddress(listen.substring(0, colon), port);
    }

    @Override
    public void close() {
        try {
            api.delete();
        } catch (IOException e) {
            // The proxy process is killed at the end of the run; a proxy left behind dies with it.
        }
    }
}
