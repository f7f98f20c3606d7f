package io.firedrill.cli.bench;

import java.util.OptionalLong;

/** What every section gets: the plan, the proxy process under test, the loopback servers and progress output. */
record BenchContext(BenchPlan plan, ProxyProcess proxy, LoopbackServers servers, BenchProgress progress) {
    static final double MIB = 1024.0 * 1024.0;

    /** The proxy's resident memory in MiB, or empty where it cannot be read. */
    OptionalLong rssBytes() {
        return proxy.rssBytes();
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / MIB);
    }
}
