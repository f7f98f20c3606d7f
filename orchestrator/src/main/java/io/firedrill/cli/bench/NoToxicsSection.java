package io.firedrill.cli.bench;

import io.firedrill.cli.bench.LoadClient.Throughput;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The proxy's own cost with no toxics, on one connection: bulk stream, 64 KiB request/response, small echo.
 * Each figure warms both paths up first, then times direct and proxied back to back with the same load. The bulk
 * stream also runs through a plain relay, for what any relay costs on the machine.
 */
final class NoToxicsSection implements BenchSection {
    static final String BULK = "bulk stream >= 0.5x direct";
    static final String REQUEST_RESPONSE = "64 KiB request/response >= 0.5x direct";
    static final String ECHO_P50 = "16 B echo added p50 <= 60 us";
    static final String ECHO_P99 = "16 B echo added p99 <= 1000 us";
    /** The bulk stream through the reference relay, in the proxy's column: the least relaying costs here. */
    static final String PLAIN_RELAY = "bulk stream, plain relay in its place";
    private static final int ECHO_SIZE = 16;
    private static final int BULK_SLICES = 3;

    @Override
    public String name() {
        return "no-toxics";
    }

    @Override
    public String title() {
        return "no toxics, one connection";
    }

    @Override
    public List<String> targets() {
        return List.of(BULK, REQUEST_RESPONSE, ECHO_P50, ECHO_P99);
    }

    @Override
    public void run(BenchContext context, SectionReport report) throws Exception {
        LoopbackServers servers = context.servers();
        try (ProxyUnderTest sink = context.proxy().create("bench-stream", servers.sink());
             ProxyUnderTest reply = context.proxy().create("bench-request-response", servers.reply());
             ProxyUnderTest echo = context.proxy().create("bench-echo", servers.echo())) {
            bulk(context, report, servers.sink(), sink.address());
            requestResponse(context, report, servers.reply(), reply.address());
            echo(context, report, servers.echo(), echo.address());
        }
    }

    /**
     * Direct, through the proxy, and through a {@link PlainRelay} (what relaying alone costs on this machine),
     * alternating in slices so that a change in what else the machine does during the figure (a build, a
     * compiler thread) lands on all three instead of on one.
     */
    private void bulk(BenchContext context, SectionReport report, InetSocketAddress direct, InetSocketAddress proxied)
            throws Exception {
        BenchPlan plan = context.plan();
        Sink sink = context.servers().sinkSessions();
        try (RelayProcess relay = RelayProcess.start(direct)) {
            context.progress().step("no-toxics: bulk stream, warm-up");
            LoadClient.stream(sink, direct, plan.warmUp(), Long.MAX_VALUE);
            LoadClient.stream(sink, proxied, plan.proxyWarmUp(), Long.MAX_VALUE);
            LoadClient.stream(sink, relay.address(), plan.warmUp(), Long.MAX_VALUE);
            Duration slice = plan.measure().dividedBy(BULK_SLICES);
            Rate d = new Rate();
            Rate p = new Rate();
            Rate r = new Rate();
            for (int i = 0; i < BULK_SLICES; i++) {
                d.add(LoadClient.stream(sink, direct, slice, Long.MAX_VALUE));
                p.add(LoadClient.stream(sink, proxied, slice, Long.MAX_VALUE));
                r.add(LoadClient.stream(sink, relay.address(), slice, Long.MAX_VALUE));
            }
            context.progress().step("no-toxics: bulk stream direct %.0f MiB/s, proxied %.0f MiB/s, plain relay %.0f "
                    + "MiB/s (%d alternating slices)", d.mibPerSecond(), p.mibPerSecond(), r.mibPerSecond(), BULK_SLICES);
            report.figure(Figure.ratio("bulk stream", "MiB/s", d.mibPerSecond(), p.mibPerSecond()));
            report.figure(Figure.ratio(PLAIN_RELAY, "MiB/s", d.mibPerSecond(), r.mibPerSecond()));
            double ratio = p.mibPerSecond() / d.mibPerSecond();
            report.check(BULK, BenchReport.ratio(ratio), ratio >= 0.5);
        }
    }

    /** Bytes over time, summed over slices. */
    private static final class Rate {
        private long bytes;
        private long nanos;

        void add(Throughput t) {
            bytes += t.units();
            nanos += t.elapsed().toNanos();
        }

        double mibPerSecond() {
            return bytes / (nanos / 1e9) / BenchContext.MIB;
        }
    }

    private void requestResponse(BenchContext context, SectionReport report, InetSocketAddress direct,
                                 InetSocketAddress proxied) throws Exception {
        BenchPlan plan = context.plan();
        int size = LoopbackServers.MESSAGE;
        context.progress().step("no-toxics: 64 KiB request/response, warm-up");
        LoadClient.requestResponse(direct, size, plan.warmUp());
        LoadClient.requestResponse(proxied, size, plan.warmUp());
        Throughput d = LoadClient.requestResponse(direct, size, plan.measure());
        context.progress().step("no-toxics: request/response direct %.0f ops/s, now through the proxy", d.perSecond());
        Throughput p = LoadClient.requestResponse(proxied, size, plan.measure());
        context.progress().step("no-toxics: request/response proxied %.0f ops/s", p.perSecond());
        double r = p.perSecond() / d.perSecond();
        report.figure(Figure.ratio("64 KiB request/response", "ops/s", d.perSecond(), p.perSecond()));
        report.check(REQUEST_RESPONSE, BenchReport.ratio(r), r >= 0.5);
    }

    private void echo(BenchContext context, SectionReport report, InetSocketAddress direct, InetSocketAddress proxied)
            throws Exception {
        BenchPlan plan = context.plan();
        context.progress().step("no-toxics: 16 B echo, direct (with warm-up)");
        Histogram d = LoadClient.echoFor(direct, ECHO_SIZE, plan.warmUp(), plan.measure());
        context.progress().step("no-toxics: 16 B echo, through the proxy (with warm-up)");
        Histogram p = LoadClient.echoFor(proxied, ECHO_SIZE, plan.warmUp(), plan.measure());
        double d50 = micros(d, 50);
        double p50 = micros(p, 50);
        double d99 = micros(d, 99);
        double p99 = micros(p, 99);
        context.progress().step("no-toxics: echo p50 %.1f -> %.1f us, p99 %.1f -> %.1f us (%d / %d round trips)",
                d50, p50, d99, p99, d.getTotalCount(), p.getTotalCount());
        report.figure(Figure.added("16 B echo p50", "us", d50, p50));
        report.figure(Figure.added("16 B echo p99", "us", d99, p99));
        report.figure(Figure.added("16 B echo p99.9", "us", micros(d, 99.9), micros(p, 99.9)));
        report.figure(Figure.ratio("16 B echo round trips", "ops/s", perSecond(d, plan), perSecond(p, plan)));
        report.check(ECHO_P50, String.format(Locale.ROOT, "+%.1f us", p50 - d50), p50 - d50 <= 60);
        report.check(ECHO_P99, String.format(Locale.ROOT, "+%.1f us", p99 - d99), p99 - d99 <= 1000);
    }

    private static double micros(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double perSecond(Histogram h, BenchPlan plan) {
        return h.getTotalCount() / (plan.measure().toNanos() / 1e9);
    }
}
