package io.firedrill.cli.bench;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.firedrill.cli.bench.LoadClient.Throughput;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Toxics do what they say: a 50 ms latency toxic adds 50 ms to an echo round trip (against the direct echo
 * in the same run), and a 1000 KB/s bandwidth toxic delivers 1000 KB/s (1 KB = 1000 B, as Toxiproxy counts).
 */
final class ToxicsSection implements BenchSection {
    static final String LATENCY = "latency 50 ms: mean added 50 ms +/- 2 ms";
    static final String BANDWIDTH = "bandwidth 1000 KB/s: rate within +/- 5%";
    private static final long LATENCY_MS = 50;
    private static final double LATENCY_TOLERANCE_MS = 2;
    private static final long RATE_KB = 1000;
    private static final double RATE_TOLERANCE = 0.05;
    private static final int ECHO_SIZE = 16;
    private static final int DIRECT_PROBES = 2000;
    /** Room for a transfer at the toxic's rate, and then some, before the bench calls it stalled. */
    private static final Duration TRANSFER_LIMIT = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "toxics";
    }

    @Override
    public String title() {
        return "latency and bandwidth toxics";
    }

    @Override
    public List<String> targets() {
        return List.of(LATENCY, BANDWIDTH);
    }

    @Override
    public void run(BenchContext context, SectionReport report) throws Exception {
        latency(context, report);
        bandwidth(context, report);
    }

    private void latency(BenchContext context, SectionReport report) throws Exception {
        int probes = context.plan().latencyProbes();
        context.progress().step("toxics: echo mean, direct");
        Histogram direct = LoadClient.echoCount(context.servers().echo(), ECHO_SIZE, DIRECT_PROBES, DIRECT_PROBES);
        Histogram proxied;
        try (ProxyUnderTest proxy = context.proxy().create("bench-latency", context.servers().echo())) {
            proxy.api().toxics().latency("latency", ToxicDirection.DOWNSTREAM, LATENCY_MS);
            context.progress().step("toxics: %d round trips through latency %d ms", probes, LATENCY_MS);
            proxied = LoadClient.echoCount(proxy.address(), ECHO_SIZE, 2, probes);
        }
        double d = direct.getMean() / 1e6;
        double p = proxied.getMean() / 1e6;
        double added = p - d;
        context.progress().step("toxics: echo mean %.3f ms direct, %.3f ms with the toxic", d, p);
        report.figure(Figure.added("echo mean, latency " + LATENCY_MS + " ms", "ms", d, p));
        report.figure(Figure.added("echo max, latency " + LATENCY_MS + " ms", "ms",
                direct.getMaxValue() / 1e6, proxied.getMaxValue() / 1e6));
        report.check(LATENCY, String.format(Locale.ROOT, "+%.2f ms", added),
                Math.abs(added - LATENCY_MS) <= LATENCY_TOLERANCE_MS);
    }

    private void bandwidth(BenchContext context, SectionReport report) throws Exception {
        long bytes = context.plan().bandwidthBytes();
        context.progress().step("toxics: %d bytes, direct", bytes);
        Sink sink = context.servers().sinkSessions();
        Throughput direct = LoadClient.stream(sink, context.servers().sink(), TRANSFER_LIMIT, bytes);
        Throughput proxied;
        try (ProxyUnderTest proxy = context.proxy().create("bench-bandwidth", context.servers().sink())) {
            proxy.api().toxics().bandwidth("bandwidth", ToxicDirection.UPSTREAM, RATE_KB);
            context.progress().step("toxics: %d bytes through bandwidth %d KB/s (about %.1f s)", bytes, RATE_KB,
                    bytes / (RATE_KB * 1000.0));
            proxied = LoadClient.stream(sink, proxy.address(), TRANSFER_LIMIT, bytes);
        }
        double d = direct.perSecond() / 1000;
        double p = proxied.perSecond() / 1000;
        context.progress().step("toxics: %.0f KB/s through the bandwidth toxic", p);
        report.figure(Figure.ratio("upstream rate, bandwidth " + RATE_KB + " KB/s", "KB/s", d, p));
        double error = (p - RATE_KB) / RATE_KB;
        report.check(BANDWIDTH, String.format(Locale.ROOT, "%.0f KB/s (%+.1f%%)", p, error * 100),
                Math.abs(error) <= RATE_TOLERANCE);
    }
}
