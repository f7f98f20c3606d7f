package io.firedrill.cli.bench;

import io.firedrill.cli.bench.ConnectionWave.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many concurrent connections through one proxy, each doing a few echo round trips: none may fail, and the
 * proxy's resident memory before, while they are open and after they closed must stay bounded.
 */
final class ConnectionsSection implements BenchSection {
    static final String NO_ERRORS = "concurrent connections: zero errors";
    static final String MEMORY = "concurrent connections: proxy RSS growth <= 128 MiB";
    /** A generous bound (128 KiB a connection): it catches buffers that scale with traffic, not tuning. */
    private static final long GROWTH_LIMIT = 128L * 1024 * 1024;
    /** A small wave first on each path, so the timed waves compare warm code with warm code. */
    private static final int WARM_UP_CONNECTIONS = 50;

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String title() {
        return "concurrent connections through one proxy";
    }

    @Override
    public List<String> targets() {
        return List.of(NO_ERRORS, MEMORY);
    }

    @Override
    public void run(BenchContext context, SectionReport report) throws Exception {
        BenchPlan plan = context.plan();
        int n = plan.connections();
        try (ProxyUnderTest proxy = context.proxy().create("bench-connections", context.servers().echo())) {
            context.progress().step("connections: warm-up, %d connections each way", WARM_UP_CONNECTIONS);
            ConnectionWave.run(context.servers().echo(), WARM_UP_CONNECTIONS, plan.roundTrips(), () -> { });
            ConnectionWave.run(proxy.address(), WARM_UP_CONNECTIONS, plan.roundTrips(), () -> { });
            context.progress().step("connections: %d connections x %d round trips, direct", n, plan.roundTrips());
            Outcome direct = ConnectionWave.run(context.servers().echo(), n, plan.roundTrips(), () -> { });
            OptionalLong before = context.rssBytes();
            AtomicReference<OptionalLong> with = new AtomicReference<>(OptionalLong.empty());
            context.progress().step("connections: %d connections x %d round trips, through the proxy", n,
                    plan.roundTrips());
            Outcome proxied = ConnectionWave.run(proxy.address(), n, plan.roundTrips(), () -> with.set(context.rssBytes()));
            context.progress().step("connections: proxied wave done, %d error(s)%s", proxied.errors(),
                    proxied.errors() > 0 ? " (first: " + proxied.firstError() + ")" : "");
            ProxyProcess.sleep(plan.settle());
            OptionalLong after = context.rssBytes();
            figures(report, n, direct, proxied);
            report.check(NO_ERRORS, proxied.errors() + " of " + n + " failed"
                    + (proxied.errors() > 0 ? " (first: " + proxied.firstError() + ")" : ""), proxied.errors() == 0);
            memory(report, before, with.get(), after);
        }
    }

    private static void figures(SectionReport report, int n, Outcome direct, Outcome proxied) {
        report.figure(Figure.ratio(n + " connect and echo, all done", "ms", millis(direct.wall()),
                millis(proxied.wall())));
        report.figure(Figure.added("echo p50, " + n + " open", "us", micros(direct, 50), micros(proxied, 50)));
        report.figure(new Figure("failed connections", "count", OptionalDouble.of(direct.errors()),
                proxied.errors(), Figure.Comparison.NONE));
    }

    private static double micros(Outcome outcome, double percentile) {
        return outcome.roundTrips().getValueAtPercentile(percentile) / 1000.0;
    }

    private static void memory(SectionReport report, OptionalLong before, OptionalLong with, OptionalLong after) {
        if (before.isEmpty() || with.isEmpty() || after.isEmpty()) {
            report.unknown(MEMORY, "proxy RSS unreadable (no /proc/<pid>/status)");
            return;
        }
        report.figure(Figure.proxyOnly("proxy RSS before", "MiB", before.getAsLong() / BenchContext.MIB));
        report.figure(Figure.proxyOnly("proxy RSS with connections open", "MiB", with.getAsLong() / BenchContext.MIB));
        report.figure(Figure.proxyOnly("proxy RSS after they closed", "MiB", after.getAsLong() / BenchContext.MIB));
        long growth = Math.max(with.getAsLong(), after.getAsLong()) - before.getAsLong();
        report.check(MEMORY, String.format(Locale.ROOT, "%s -> %s -> %s (+%s)", BenchContext.mib(before.getAsLong()),
                BenchContext.mib(with.getAsLong()), BenchContext.mib(after.getAsLong()), BenchContext.mib(growth)),
                growth <= GROWTH_LIMIT);
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
