package io.firedrill.cli.bench;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.firedrill.agent.fault.LinkHost;
import io.firedrill.estate.Database;
import io.firedrill.estate.EstateOptions;
import io.firedrill.estate.PortPlan;
import io.firedrill.estate.ReferenceEstate;
import io.firedrill.estate.Topology;
import io.firedrill.model.Estate;
import io.firedrill.model.Link;
import io.firedrill.model.Region;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "estate",
        mixinStandardHelpOptions = true,
        description = {"Measure the reference estate on this machine: the writes per second it sustains through the "
                + "front door, its replication lag at a steady write rate, and how long a failover takes with the "
                + "default policy (3 failed health checks 500 ms apart).",
            "The estate runs in this process on free ports, each region's links on a Toxiproxy-compatible server as "
                + "its agent would serve them; the blackout is applied through the Toxiproxy client. Baselines from "
                + "the same run: writes straight to the primary's app (no router, no link), and the detection delay "
                + "the policy is designed for (K x N).",
            "Exit status: 0 every phase completed, 1 a failover did not happen, 2 setup failed."},
        footer = {"", "Examples:",
            "  firedrill bench estate",
            "  firedrill bench estate --db postgres",
            "  firedrill bench estate --seconds 3 --failovers 1"})
final class EstateBenchCommand implements Callable<Integer> {
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--db", defaultValue = "h2", paramLabel = "h2|postgres",
            description = "The estate's databases. Default: ${DEFAULT-VALUE}.")
    String db;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Length of each throughput and lag phase. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--concurrency", defaultValue = "16",
            description = "Writers in the throughput phase, each waiting for its answer. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--rate", defaultValue = "200",
            description = "Writes per second in the lag and failover phases. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--failovers", defaultValue = "3",
            description = "Blackouts of the primary timed, each followed by a failback. Default: ${DEFAULT-VALUE}.")
    int failovers;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Database database;
        try {
            database = Database.parse(db);
        } catch (IllegalArgumentException e) {
            err.println("firedrill bench estate: --db: '" + db + "' is not one of h2, postgres");
            err.flush();
            return 2;
        }
        BenchProgress progress = new BenchProgress(err);
        PortPlan ports = PortPlan.free();
        Estate model = Topology.estate(database, ports);
        Vertx vertx = Vertx.vertx();
        Map<String, LinkHost> hosts = new LinkedHashMap<>();
        ReferenceEstate estate = null;
        try {
            for (Region region : model.regions()) {
                hosts.put(region.agent(), LinkHost.start(vertx, "127.0.0.1", 0, model.links().stream()
                        .filter(l -> l.agent().equals(region.agent())).toList()).await(30, TimeUnit.SECONDS));
            }
            progress.step("starting the " + database.wire() + " estate ...");
            estate = ReferenceEstate.start(vertx, EstateOptions.defaults(database).withPorts(ports));
            return measure(estate, hosts, out, progress);
        } catch (RuntimeException e) {
            err.println("firedrill bench estate: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            if (estate != null) {
                estate.close();
            }
            for (LinkHost host : hosts.values()) {
                host.stop().await(5, TimeUnit.SECONDS);
            }
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private int measure(ReferenceEstate estate, Map<String, LinkHost> hosts, PrintWriter out, BenchProgress progress)
            throws Exception {
        String front = estate.frontDoor().toString();
        String direct = "http://127.0.0.1:" + estate.app(ReferenceEstate.PRIMARY).port();
        progress.step("throughput: " + concurrency + " writers for " + seconds + " s, straight to the primary's app");
        Throughput baseline = throughput(direct, "direct");
        progress.step("throughput: " + concurrency + " writers for " + seconds + " s through the front door");
        Throughput routed = throughput(front, "front");
        progress.step("replication lag at " + rate + " writes/s for " + seconds + " s");
        Lag lag = lag(estate, front);
        List<Failover> timings = new ArrayList<>();
        for (int i = 1; i <= failovers; i++) {
            progress.step("failover " + i + "/" + failovers + ": blackout of the primary with " + rate
                    + " writes/s running");
            Failover f = failover(estate, hosts, front, "f" + i);
            if (f == null) {
                out.printf("failover %d did not happen within %d s%n", i, FAILOVER_TIMEOUT.toSeconds());
                out.flush();
                return 1;
            }
            timings.add(f);
            progress.step("failback " + i + "/" + failovers);
            failback(front);
        }
        report(out, estate, baseline, routed, lag, timings);
        return 0;
    }

    // ---- throughput ----------------------------------------------------------------------------------

    private record Throughput(double perSecond, Histogram latencyMicros, long failed) {}

    private Throughput throughput(String base, String prefix) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Histogram latency = new Histogram(3);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                Histogram mine = new Histogram(3);
                for (long i = 0; System.nanoTime() < end; i++) {
                    long t0 = System.nanoTime();
                    int status = put(base, prefix + "-" + writer + "-" + i);
                    if (status == 201) {
                        ok.incrementAndGet();
                        mine.recordValue((System.nanoTime() - t0) / 1000);
                    } else {
                        failed.incrementAndGet();
                    }
                }
                synchronized (latency) {
                    latency.add(mine);
                }
            }, "bench-writer-" + w);
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join();
        }
        return new Throughput(ok.get() / (double) seconds, latency, failed.get());
    }

    // ---- replication lag -----------------------------------------------------------------------------

    /** Lag as the primary reports it, and per write: from its acknowledgement until the replica serves it. */
    private record Lag(Histogram reportedMillis, Histogram visibleMicros, long written) {}

    private Lag lag(ReferenceEstate estate, String front) throws Exception {
        String primary = "http://127.0.0.1:" + estate.app(ReferenceEstate.PRIMARY).port();
        String replica = "http://127.0.0.1:" + estate.app(ReferenceEstate.SECONDARY).port();
        Histogram reported = new Histogram(3);
        Histogram visible = new Histogram(3);
        Paced writer = new Paced(front, "lag", rate);
        writer.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            JsonObject replication = getJson(primary + "/health").getJsonObject("replication", new JsonObject());
            Long lagMillis = replication.getLong("lagMillis");
            if (lagMillis != null) {
                reported.recordValue(lagMillis);
            }
            String id = "lag-probe-" + next;
            long acked = -1;
            if (put(front, id) == 201) {
                acked = System.nanoTime();
                while (status(replica + "/records/" + id) != 200 && System.nanoTime() - acked < 10_000_000_000L) {
                    Thread.onSpinWait();
                }
                visible.recordValue((System.nanoTime() - acked) / 1000);
            }
            next += 100_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // sampling period of the lag probe
            }
        }
        writer.stop();
        return new Lag(reported, visible, writer.ok.get());
    }

    // ---- failover ------------------------------------------------------------------------------------

    /**
     * Microseconds from the blackout to each router event and to the first write the other region
     * acknowledged after it (a write the old primary still answered in the instant the links closed does not
     * count).
     */
    private record Failover(long detected, long decided, long promoted, long firstWrite) {}

    private Failover failover(ReferenceEstate estate, Map<String, LinkHost> hosts, String front, String prefix)
            throws Exception {
        String primary = estate.router().active();
        long lastSeq = estate.router().events().isEmpty() ? 0
                : estate.router().events().get(estate.router().events().size() - 1).seq();
        Paced writer = new Paced(front, prefix, rate);
        writer.start();
        Thread.sleep(500); // writes flowing before the fault, as in a game day
        List<eu.rekawek.toxiproxy.Proxy> cut = new ArrayList<>();
        long t0Micros = nowMicros();
        long t0Nanos = System.nanoTime();
        writer.markFault(t0Nanos, primary.equals(ReferenceEstate.PRIMARY) ? ReferenceEstate.SECONDARY
                : ReferenceEstate.PRIMARY);
        for (Link link : estate.estate().links()) {
            if (link.from().equals(primary) || link.to().equals(primary)) {
                eu.rekawek.toxiproxy.Proxy proxy = new ToxiproxyClient("127.0.0.1", hosts.get(link.agent()).apiPort())
                        .getProxy(LinkHost.proxyName(link.name()));
                proxy.disable();
                cut.add(proxy);
            }
        }
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        while (writer.firstOkAfterFault() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        writer.stop();
        for (eu.rekawek.toxiproxy.Proxy proxy : cut) {
            proxy.enable();
        }
        if (writer.firstOkAfterFault() < 0) {
            return null;
        }
        Map<String, Long> at = new LinkedHashMap<>();
        estate.router().eventsAfter(lastSeq).forEach(e -> at.putIfAbsent(e.type().wire(), e.epochMicros() - t0Micros));
        return new Failover(at.getOrDefault("region-down", -1L), at.getOrDefault("failover-decided", -1L),
                at.getOrDefault("promotion-done", -1L), (writer.firstOkAfterFault() - t0Nanos) / 1000);
    }

    private void failback(String front) throws Exception {
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(front + "/failback"))
                    .timeout(Duration.ofSeconds(180)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"switchBack\": true, \"actor\": \"bench\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("failback failed: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(200); // the returning region's links were just restored; its next check will pass
        }
    }

    // ---- report --------------------------------------------------------------------------------------

    private void report(PrintWriter out, ReferenceEstate estate, Throughput direct, Throughput routed, Lag lag,
            List<Failover> timings) {
        EstateOptions o = estate.options();
        out.printf("%nreference estate on %s, this machine (%d cores)%n", o.database().wire(),
                Runtime.getRuntime().availableProcessors());
        out.printf("%n%-52s %10s %9s %9s %7s%n", "writes, " + concurrency + " writers x " + seconds + " s", "writes/s",
                "p50 ms", "p99 ms", "failed");
        throughputRow(out, "baseline: straight to the primary's app", direct);
        throughputRow(out, "through the front door (router + users link)", routed);
        out.printf("front door sustains %.2fx the direct rate%n", routed.perSecond / Math.max(1, direct.perSecond));

        out.printf("%n%-52s %9s %9s %9s%n", "replication at " + rate + " writes/s (" + lag.written + " writes)", "p50",
                "p99", "max");
        out.printf("%-52s %9s %9s %9s%n", "lag the primary reports (lagMillis), ms", lag.reportedMillis.getValueAtPercentile(50),
                lag.reportedMillis.getValueAtPercentile(99), lag.reportedMillis.getMaxValue());
        out.printf("%-52s %9.1f %9.1f %9.1f%n", "ack to readable on the replica, ms",
                lag.visibleMicros.getValueAtPercentile(50) / 1000.0, lag.visibleMicros.getValueAtPercentile(99) / 1000.0,
                lag.visibleMicros.getMaxValue() / 1000.0);

        long designed = o.healthInterval().toMillis() * o.failureThreshold();
        out.printf("%n%-52s %9s %9s %9s%n", "failover, " + timings.size() + " blackouts (K=" + o.failureThreshold()
                + ", N=" + o.healthInterval().toMillis() + " ms)", "median", "min", "max");
        segment(out, "T1 region marked down, ms after the blackout", timings.stream().map(Failover::detected).toList());
        segment(out, "T2 failover decided, ms", timings.stream().map(Failover::decided).toList());
        segment(out, "T3 promotion done, ms", timings.stream().map(Failover::promoted).toList());
        segment(out, "T4 first write acknowledged after the blackout, ms",
                timings.stream().map(Failover::firstWrite).toList());
        long medianPromoted = median(timings.stream().map(Failover::promoted).toList());
        out.printf("promotion done at %.2fx K x N (%d ms): a blackout is detected (K-1) x N to K x N after it "
                + "starts, by where the first failing check falls%n", medianPromoted / 1000.0 / designed, designed);
        out.flush();
    }

    private static void throughputRow(PrintWriter out, String label, Throughput t) {
        out.printf("%-52s %10.0f %9.2f %9.2f %7d%n", label, t.perSecond, t.latencyMicros.getValueAtPercentile(50) / 1000.0,
                t.latencyMicros.getValueAtPercentile(99) / 1000.0, t.failed);
    }

    private static void segment(PrintWriter out, String label, List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        out.printf("%-52s %9.0f %9.0f %9.0f%n", label, median(sorted) / 1000.0, sorted.get(0) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

    private int put(String base, String id) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/records/" + id)).timeout(Duration.ofSeconds(5))
                    .PUT(HttpRequest.BodyPublishers.ofString("v")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonObject getJson(String url) throws IOException, InterruptedException {
        return new JsonObject(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** Writes at a fixed rate without waiting for answers, like users who keep arriving during an outage. */
    private final class Paced {
        final AtomicLong ok = new AtomicLong();
        private final String base;
        private final String prefix;
        private final long periodNanos;
        private final AtomicLong firstOkAfterFault = new AtomicLong(-1);
        private volatile long faultNanos = Long.MAX_VALUE;
        private volatile String takeover = "";
        private volatile boolean running = true;
        private Thread thread;

        Paced(String base, String prefix, int perSecond) {
            this.base = base;
            this.prefix = prefix;
            this.periodNanos = 1_000_000_000L / perSecond;
        }

        void start() {
            thread = new Thread(() -> {
                long next = System.nanoTime();
                for (long i = 0; running; i++) {
                    long invoked = System.nanoTime();
                    http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/records/" + prefix + "-" + i))
                            .timeout(Duration.ofSeconds(5)).PUT(HttpRequest.BodyPublishers.ofString("v")).build(),
                            HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                                if (r.statusCode() == 201) {
                                    ok.incrementAndGet();
                                    if (invoked >= faultNanos && r.headers().firstValue("Firedrill-Region")
                                            .orElse("").equals(takeover)) {
                                        firstOkAfterFault.compareAndSet(-1, System.nanoTime());
                                    }
                                }
                            });
                    next += periodNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            }, "bench-paced-" + prefix);
            thread.start();
        }

        /** From {@code nanos} on, the first write {@code region} acknowledges is the one that counts (T4). */
        void markFault(long nanos, String region) {
            takeover = region;
            faultNanos = nanos;
        }

        long firstOkAfterFault() {
            return firstOkAfterFault.get();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
