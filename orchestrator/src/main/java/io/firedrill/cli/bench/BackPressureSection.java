package io.firedrill.cli.bench;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fast sender into a 1 s latency toxic. A proxy that reads as fast as the sender writes and holds the
 * data for a second grows by a second's worth of the sender's rate (gigabytes on loopback); one with
 * back-pressure stops reading once its buffer is full, so the sender slows down and the memory stays flat.
 */
final class BackPressureSection implements BenchSection {
    static final String MEMORY = "latency 1 s, fast sender: proxy RSS growth < 64 MiB";
    static final String SLOWED = "latency 1 s, fast sender: sender slowed to <= 0.1x direct";
    private static final long LATENCY_MS = 1000;
    private static final long GROWTH_LIMIT = 64L * 1024 * 1024;
    private static final double SLOWED_RATIO = 0.1;
    private static final Duration SAMPLE = Duration.ofMillis(100);
    /** How long a write may stay blocked after the blast ends before the bench closes the socket under it. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "back-pressure";
    }

    @Override
    public String title() {
        return "1 s latency toxic under a fast sender";
    }

    @Override
    public List<String> targets() {
        return List.of(MEMORY, SLOWED);
    }

    @Override
    public void run(BenchContext context, SectionReport report) throws Exception {
        BenchPlan plan = context.plan();
        context.progress().step("back-pressure: sender rate, direct");
        Sink sink = context.servers().sinkSessions();
        double direct = LoadClient.stream(sink, context.servers().sink(), plan.measure(), Long.MAX_VALUE).perSecond();
        try (ProxyUnderTest proxy = context.proxy().create("bench-back-pressure", context.servers().sink());
             Sink.Session session = sink.open()) {
            proxy.api().toxics().latency("latency", ToxicDirection.UPSTREAM, LATENCY_MS);
            OptionalLong before = context.rssBytes();
            context.progress().step("back-pressure: sending for %d s into latency %d ms", plan.blast().toSeconds(),
                    LATENCY_MS);
            Blast blast = new Blast(proxy.address(), session.id());
            long peak = sampleWhile(context, blast, plan.blast(), before);
            long sent = blast.sent();
            long inFlight = sent - session.received();
            blast.stop();
            double proxied = sent / (plan.blast().toNanos() / 1e9);
            report.figure(Figure.ratio("sender rate, latency 1 s", "MiB/s", direct / BenchContext.MIB,
                    proxied / BenchContext.MIB));
            report.figure(Figure.proxyOnly("in flight at the end (sent - delivered)", "MiB", inFlight / BenchContext.MIB));
            judge(report, blast, before, peak, proxied / direct);
        }
    }

    /** Samples the proxy's memory until the blast has run its time; returns the peak (0 when unreadable). */
    private static long sampleWhile(BenchContext context, Blast blast, Duration length, OptionalLong before) {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long peak = before.orElse(0);
        long nextReport = start + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < end && blast.error() == null) {
            ProxyProcess.sleep(SAMPLE);
            peak = Math.max(peak, context.rssBytes().orElse(0));
            if (System.nanoTime() >= nextReport) {
                context.progress().step("back-pressure: %.1f s, sent %s, proxy RSS peak %s",
                        (System.nanoTime() - start) / 1e9, BenchContext.mib(blast.sent()), BenchContext.mib(peak));
                nextReport += Duration.ofSeconds(1).toNanos();
            }
        }
        return peak;
    }

    private static void judge(SectionReport report, Blast blast, OptionalLong before, long peak, double ratio) {
        if (blast.error() != null) {
            report.check(SLOWED, "the sender failed: " + blast.error(), false);
        } else {
            report.check(SLOWED, BenchReport.ratio(ratio), ratio <= SLOWED_RATIO);
        }
        if (before.isEmpty() || peak == 0) {
            report.unknown(MEMORY, "proxy RSS unreadable (no /proc/<pid>/status)");
            return;
        }
        long growth = peak - before.getAsLong();
        report.figure(Figure.proxyOnly("proxy RSS before", "MiB", before.getAsLong() / BenchContext.MIB));
        report.figure(Figure.proxyOnly("proxy RSS peak", "MiB", peak / BenchContext.MIB));
        report.check(MEMORY, String.format(Locale.ROOT, "%s -> %s (+%s)", BenchContext.mib(before.getAsLong()),
                BenchContext.mib(peak), BenchContext.mib(growth)), growth < GROWTH_LIMIT);
    }

    /** One connection written to as fast as it accepts, on its own thread, until stopped. */
    private static final class Blast {
        private final AtomicLong sent = new AtomicLong();
        private final AtomicReference<String> error = new AtomicReference<>();
        private final Socket socket;
        private final Thread writer;
        private volatile boolean running = true;

        Blast(InetSocketAddress target, long sinkSession) throws IOException {
            socket = LoadClient.connect(target);
            new DataOutputStream(socket.getOutputStream()).writeLong(sinkSession);
            writer = new Thread(this::write, "bench-blast");
            writer.setDaemon(true);
            writer.start();
        }

        private void write() {
            byte[] chunk = new byte[LoadClient.CHUNK];
            try {
                OutputStream out = socket.getOutputStream();
                while (running) {
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                if (running) {
                    error.set(String.valueOf(e.getMessage()));
                }
            }
        }

        long sent() {
            return sent.get();
        }

        String error() {
            return error.get();
        }

        /** Ends the blast; a write still blocked by back-pressure is cut off by closing the socket. */
        void stop() throws IOException, InterruptedException {
            running = false;
            writer.join(DRAIN.toMillis());
            socket.close();
            writer.join(DRAIN.toMillis());
        }
    }
}
