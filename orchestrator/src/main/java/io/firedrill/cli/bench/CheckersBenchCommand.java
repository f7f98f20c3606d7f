package io.firedrill.cli.bench;

import io.firedrill.model.Objectives;
import io.firedrill.orchestrator.measure.ClockSync;
import io.firedrill.orchestrator.measure.EstateEvent;
import io.firedrill.orchestrator.measure.FaultMark;
import io.firedrill.orchestrator.measure.FinalRead;
import io.firedrill.orchestrator.measure.FrontDoorProbe;
import io.firedrill.orchestrator.measure.JsonlCodec;
import io.firedrill.orchestrator.measure.JsonlWriter;
import io.firedrill.orchestrator.measure.Judgement;
import io.firedrill.orchestrator.measure.Measured;
import io.firedrill.orchestrator.measure.Moment;
import io.firedrill.orchestrator.measure.Op;
import io.firedrill.orchestrator.measure.ProbeSample;
import io.firedrill.orchestrator.measure.RunEvidence;
import io.firedrill.orchestrator.measure.RunFiles;
import io.firedrill.orchestrator.measure.RunResult;
import io.firedrill.orchestrator.measure.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "checkers",
        mixinStandardHelpOptions = true,
        description = {"Benchmark the RTO/RPO checkers: judge() over a generated history of a run with a failover.",
            "Writes the files of a realistic run (8 clients writing 5,000/s through a failover in the middle, "
                + "timeouts, failures, lost writes, 10% reads, probes, a final read), then times judge() from those "
                + "files, best of --runs after a warm-up, against the time just to stream-parse history.jsonl. "
                + "Memory: judge() runs once more in a child JVM with -Xmx<--heap> and the serial collector, as the "
                + "launcher runs the orchestrator; finishing there is the memory check. The judgement must also find "
                + "what was planted. Targets: 1,000,000 entries judged in <= 2 s (scaled to --ops) within 512 MB.",
            "Exit status: 0 every target met, 1 a target missed, 2 setup failed."},
        footer = {"", "Examples:",
            "  firedrill bench checkers",
            "  firedrill bench checkers --ops 200000 --runs 5",
            "  firedrill bench checkers --dir /tmp/run && ls /tmp/run"})
final class CheckersBenchCommand implements Callable<Integer> {
    private static final long TARGET_MILLIS_PER_MILLION = 2_000;
    private static final Pattern CHILD = Pattern.compile(
            "judged in (\\d+) ms; heap after GC at most (\\d+) bytes; heap used at most (\\d+) bytes; overall (\\w+)");

    @Spec
    CommandSpec spec;

    @Option(names = "--ops", defaultValue = "1000000", description = "History entries. Default: ${DEFAULT-VALUE}.")
    int ops;

    @Option(names = "--runs", defaultValue = "3",
            description = "Timed runs; the best counts. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--heap", defaultValue = "512m",
            description = "Max heap of the child JVM (the memory target). Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--dir", description = "Write the run files here and keep them (default: a temporary "
            + "directory, deleted at the end).")
    Path dir;

    @Option(names = "--judge-dir", hidden = true, description = "Child mode: judge the run in this directory once.")
    Path judgeDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (judgeDir != null) {
            return judgeOnce(judgeDir, out);
        }
        String usage = ops < 1_000 ? "--ops: expected at least 1000, got " + ops
                : runs < 1 ? "--runs: expected at least 1, got " + runs
                : !heap.matches("\\d+[kKmMgG]?")
                        ? "--heap: expected a JVM heap size like 512m or 1g, got '" + heap + "'"
                : null;
        if (usage != null) {
            err.println("firedrill bench checkers: " + usage);
            err.flush();
            return 2;
        }
        Path files;
        try {
            files = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("firedrill-bench-checkers");
        } catch (IOException e) {
            err.println("firedrill bench checkers: cannot create the run directory: " + e.getMessage());
            err.flush();
            return 2;
        }
        try {
            err.printf("writing a %d-entry run into %s ...%n", ops, files);
            err.flush();
            Planted planted = SyntheticRun.write(files, ops);
            err.println("timing ...");
            err.flush();
            long parse = best(() -> parse(files));
            RunResult[] result = new RunResult[1];
            long judge = best(() -> result[0] = Judgement.recompute(files));
            err.println("judging in a child JVM with -Xmx" + heap + " ...");
            err.flush();
            ChildRun child = child(files);
            return report(out, planted, parse, judge, child, result[0]);
        } catch (BenchSetupException e) {
            err.println("firedrill bench checkers: " + e.getMessage());
            err.flush();
            return 2;
        } finally {
            if (dir == null) {
                deleteAll(files);
            }
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    /** The best of {@code runs} timings after one untimed run, in nanoseconds. */
    private long best(Timed action) throws Exception {
        action.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static long parse(Path files) {
        try (Stream<Op> history = JsonlCodec.HISTORY.file(files.resolve(RunFiles.HISTORY)).stream()) {
            return history.count();
        }
    }

    /** The measurements of the child JVM, or why it did not finish. */
    private record ChildRun(boolean finished, long judgeMillis, long afterGcBytes, long usedBytes, String problem) {}

    private ChildRun child(Path files) throws BenchSetupException, IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.firedrill.cli.Firedrill", "bench", "checkers",
                "--judge-dir", files.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchSetupException("cannot start a child JVM (" + java + "): " + e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new ChildRun(false, 0, 0, 0, "the child JVM did not finish within 5 minutes");
        }
        Matcher m = CHILD.matcher(output);
        if (process.exitValue() != 0 || !m.find()) {
            String last = output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
            return new ChildRun(false, 0, 0, 0, "the child JVM exited " + process.exitValue() + ": " + last);
        }
        return new ChildRun(true, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                "");
    }

    /** Child mode: one judgement, with the largest heap seen after any collection and the peak used. */
    private static int judgeOnce(Path files, PrintWriter out) throws Exception {
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        Set<String> heapNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong afterGc = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                var info = com.sun.management.GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapNames.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                afterGc.accumulateAndGet(used, Math::max);
                seen.incrementAndGet();
            }, n -> n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo
                    .GARBAGE_COLLECTION_NOTIFICATION), null);
        }
        long collectionsBefore = collections();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        RunResult result = Judgement.recompute(files);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long used = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long expected = collections() - collectionsBefore;
        for (int i = 0; i < 200 && seen.get() < expected; i++) {
            Thread.sleep(10);
        }
        out.printf("judged in %d ms; heap after GC at most %d bytes; heap used at most %d bytes; overall %s%n",
                millis, afterGc.get(), used, result.overall());
        out.flush();
        return 0;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private int report(PrintWriter out, Planted planted, long parseNanos, long judgeNanos, ChildRun child,
            RunResult result) {
        out.printf("checkers over a %d-entry history (%.1f MB, %d writes, %d lost)      best of %d%n", planted.ops(),
                planted.historyBytes() / 1e6, planted.writes(), planted.lost(), runs);
        out.printf("%-46s %8.0f ms%n", "baseline: stream-parse history.jsonl", parseNanos / 1e6);
        out.printf("%-46s %8.0f ms   %.1fx the parse%n", "judge(): every checker, from the run files", judgeNanos / 1e6,
                (double) judgeNanos / Math.max(1, parseNanos));
        String heapFigures = child.afterGcBytes() == 0 ? "no collection ran"
                : "heap after GC at most " + (child.afterGcBytes() >> 20) + " MB";
        heapFigures += ", used at most " + (child.usedBytes() >> 20) + " MB";
        if (child.finished()) {
            out.printf("%-46s %8d ms   %s%n", "judge() once, cold, in a child JVM -Xmx" + heap, child.judgeMillis(),
                    heapFigures);
        } else {
            out.println("judge() once, cold, in a child JVM -Xmx" + heap + ": " + child.problem());
        }
        Optional<Measured> rto = result.timeline().flatMap(t -> t.rto());
        long lost = result.loss().map(l -> l.lost().count()).orElse(-1L);
        out.printf("judgement: RTO %s (planted outage %s), %d lost writes (planted %d), overall %s%n",
                rto.map(Measured::text).orElse("not observable"), Measured.seconds(planted.outage()), lost,
                planted.lost(), result.overall());
        double targetMillis = TARGET_MILLIS_PER_MILLION * planted.ops() / 1e6;
        boolean fast = judgeNanos / 1e6 <= targetMillis;
        boolean found = lost == planted.lost() && result.overall() == Verdict.PASS && rto.map(m -> Math.abs(
                m.value().minus(planted.outage()).toNanos()) <= m.bound().toNanos()).orElse(false);
        out.printf("%s  judge() <= %.2f s for %d entries (measured %.2f s)%n", fast ? "PASS" : "FAIL",
                targetMillis / 1000, planted.ops(), judgeNanos / 1e9);
        out.printf("%s  judge() completes within -Xmx%s (%s)%n", child.finished() ? "PASS" : "FAIL", heap,
                child.finished() ? heapFigures : child.problem());
        out.printf("%s  the judgement finds what was planted (lost writes, RTO within its bound, overall PASS)%n",
                found ? "PASS" : "FAIL");
        out.flush();
        return fast && child.finished() && found ? 0 : 1;
    }

    private static void deleteAll(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** What the generated run contains, for checking the judgement against. */
    record Planted(long ops, long writes, long lost, Duration outage, long historyBytes) {}

    /**
     * A run written straight to files in constant memory: 8 clients take turns every 200 µs (5,000 operations/s),
     * 1 in 10 a read of a key written about a second earlier. Halfway through, eu-west goes dark: writes
     * acknowledged in the last 150 ms before are lost (replication lag); for 2.5 s writes fail fast or time out
     * after 1 s (info, and the client continues as a new process); then us-east serves. The front-door probe
     * fails for exactly that outage.
     */
    static final class SyntheticRun {
        private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
        private static final int CLIENTS = 8;
        private static final long SLOT = 200_000;
        private static final long MS = 1_000_000;
        private static final long LAG = 150 * MS;
        private static final long OUTAGE = 2_500 * MS;
        private static final long TIMEOUT = 1_000 * MS;

        private record Done(long nanos, Op op) {}

        private final Random random = new Random(42);
        private final PriorityQueue<Done> inFlight = new PriorityQueue<>(Comparator.comparingLong(Done::nanos));
        private final String[] recent = new String[8192];
        private final long[] busyUntil = new long[CLIENTS];
        private final long[] process = new long[CLIENTS];
        private long nextProcess = CLIENTS;
        private long index;
        private long lastNanos;
        private long recoveredInfo;
        private long writes;
        private long lost;
        private long acknowledged;
        private final long t0;
        private final JsonlWriter<Op> history;
        private final JsonlWriter<FinalRead.Entry> finalRead;

        private SyntheticRun(long t0, JsonlWriter<Op> history, JsonlWriter<FinalRead.Entry> finalRead) {
            this.t0 = t0;
            this.history = history;
            this.finalRead = finalRead;
            for (int c = 0; c < CLIENTS; c++) {
                process[c] = c;
            }
        }

        static Planted write(Path dir, long ops) throws IOException {
            long t0 = ops / 4 * SLOT;
            long end;
            long writes;
            long lost;
            long entries;
            long readBack;
            try (JsonlWriter<Op> h = JsonlCodec.HISTORY.writer(Files.newOutputStream(dir.resolve(RunFiles.HISTORY)));
                    JsonlWriter<FinalRead.Entry> f = JsonlCodec.FINAL_READ.writer(
                            Files.newOutputStream(dir.resolve(RunFiles.FINAL_READ)))) {
                SyntheticRun run = new SyntheticRun(t0, h, f);
                end = run.clients(ops);
                writes = run.writes;
                lost = run.lost;
                entries = run.index;
                readBack = run.acknowledged - run.lost + run.recoveredInfo;
            }
            Moment inEffect = Moment.of(t0, wall(t0), 300);
            Moment reverted = Moment.of(Math.min(end, t0 + 30_000 * MS), wall(Math.min(end, t0 + 30_000 * MS)), 300);
            JsonlCodec.PROBES.write(dir.resolve(RunFiles.PROBES), () -> probes(end, t0).stream());
            RunEvidence evidence = RunEvidence.builder("bench-checkers",
                            new Objectives(Duration.ofSeconds(20), Duration.ofMillis(500), 3, List.of()))
                    .history(JsonlCodec.HISTORY.file(dir.resolve(RunFiles.HISTORY)))
                    .probes(JsonlCodec.PROBES.file(dir.resolve(RunFiles.PROBES)))
                    .fault(new FaultMark("blackout-eu-west", "region-blackout", "eu-west", inEffect,
                            Optional.of(reverted)))
                    .estateEvents(List.of(event(EstateEvent.REGION_DOWN, "eu-west", t0 + 900 * MS),
                            event(EstateEvent.FAILOVER_DECIDED, "us-east", t0 + 1_000 * MS),
                            event(EstateEvent.PROMOTION_DONE, "us-east", t0 + 2_400 * MS)))
                    .frontDoorProbes(List.of(new FrontDoorProbe("front-door", Duration.ofMillis(100))))
                    .finalRead(new FinalRead(true, "us-east", null, java.util.OptionalLong.of(readBack),
                            JsonlCodec.FINAL_READ.file(dir.resolve(RunFiles.FINAL_READ))))
                    .replicationLagBeforeT0(Duration.ofNanos(LAG))
                    .clock(ClockSync.synced(Duration.ofMillis(1)))
                    .build();
            RunFiles.writeEvidence(dir, evidence);
            return new Planted(entries, writes, lost, Duration.ofNanos(OUTAGE),
                    Files.size(dir.resolve(RunFiles.HISTORY)));
        }

        /** Runs the clients until the history holds {@code ops} entries; returns the last time. */
        private long clients(long ops) throws IOException {
            long now = 0;
            boolean injected = false;
            for (long slot = 0; index + inFlight.size() + 3 <= ops; slot++) {
                now = slot * SLOT;
                if (!injected && now >= t0) {
                    flush(t0);
                    emit(Op.nemesis(index, "nemesis-1", Op.Function.INJECT, "blackout-eu-west", "region-blackout",
                            "eu-west", t0, wall(t0), null));
                    injected = true;
                }
                flush(now);
                int c = (int) (slot % CLIENTS);
                if (busyUntil[c] <= now) {
                    busyUntil[c] = slot % 10 == 9 ? read(c, now) : write(c, now);
                }
            }
            flush(Long.MAX_VALUE);
            long end = Math.max(now, lastNanos) + MS;
            emit(Op.nemesis(index, "nemesis-2", Op.Function.REVERT, "blackout-eu-west", "region-blackout", "eu-west",
                    end, wall(end), null));
            return end;
        }

        private long write(int c, long now) throws IOException {
            long seq = writes++;
            String key = "bench-" + seq;
            String value = "v" + seq;
            String id = "w" + seq;
            emit(new Op(index, id, process[c], Op.Type.INVOKE, Op.Function.WRITE, key, value, null, now, wall(now),
                    null));
            long done = now + 400_000 + random.nextInt(1_000_000);
            boolean outage = now < t0 + OUTAGE && done >= t0;
            if (outage && (now < t0 || random.nextBoolean())) {
                done = now + TIMEOUT;
                pending(done, new Op(0, id, process[c], Op.Type.INFO, Op.Function.WRITE, key, value, null, done,
                        wall(done), "timeout"));
                process[c] = nextProcess++;
                if (seq % 2 == 0) {
                    finalRead.write(new FinalRead.Entry(key, value));
                    recoveredInfo++;
                }
            } else if (outage) {
                done = now + 5 * MS;
                pending(done, new Op(0, id, process[c], Op.Type.FAIL, Op.Function.WRITE, key, value, "eu-west", done,
                        wall(done), "502"));
            } else {
                String region = now < t0 ? "eu-west" : "us-east";
                pending(done, new Op(0, id, process[c], Op.Type.OK, Op.Function.WRITE, key, value, region, done,
                        wall(done), null));
                acknowledged++;
                if (done >= t0 - LAG && done < t0) {
                    lost++;
                } else {
                    finalRead.write(new FinalRead.Entry(key, value));
                    recent[(int) (seq % recent.length)] = key;
                }
            }
            return done;
        }

        private long read(int c, long now) throws IOException {
            String key = recent[(int) ((writes + 3_000) % recent.length)];
            if (key == null) {
                return now;
            }
            String id = "r" + index;
            emit(new Op(index, id, process[c], Op.Type.INVOKE, Op.Function.READ, key, null, null, now, wall(now),
                    null));
            boolean outage = now >= t0 - 2 * MS && now < t0 + OUTAGE;
            long done = now + (outage ? 5 * MS : 300_000 + random.nextInt(500_000));
            Op.Type type = outage ? Op.Type.FAIL : Op.Type.OK;
            String value = outage ? null : "v" + key.substring("bench-".length());
            pending(done, new Op(0, id, process[c], type, Op.Function.READ, key, value, outage ? null
                    : now < t0 ? "eu-west" : "us-east", done, wall(done), null));
            return done;
        }

        private void pending(long done, Op op) {
            inFlight.add(new Done(done, op));
        }

        private void flush(long until) throws IOException {
            while (!inFlight.isEmpty() && inFlight.peek().nanos() <= until) {
                Op o = inFlight.poll().op();
                emit(new Op(index, o.opId(), o.process(), o.type(), o.f(), o.key(), o.value(), o.region(), o.nanos(),
                        o.wall(), o.detail()));
            }
        }

        private void emit(Op op) throws IOException {
            history.write(op);
            lastNanos = op.nanos();
            index++;
        }

        private static List<ProbeSample> probes(long end, long t0) {
            List<ProbeSample> samples = new ArrayList<>();
            for (long t = 37 * MS; t < end; t += 100 * MS) {
                boolean frontDoorOk = t < t0 || t >= t0 + OUTAGE;
                samples.add(new ProbeSample("front-door", "us-east", "router", t, wall(t), frontDoorOk,
                        frontDoorOk ? 1_500 : 500_000, 400, frontDoorOk ? "200" : "timeout"));
                boolean euOk = t < t0 || t >= t0 + 30_000 * MS;
                samples.add(new ProbeSample("eu-west-health", "eu-west", "users->eu-west", t + 11 * MS,
                        wall(t + 11 * MS), euOk, euOk ? 900 : 500_000, 400, euOk ? "200" : "timeout"));
            }
            return samples;
        }

        private static EstateEvent event(String type, String region, long nanos) {
            return new EstateEvent(type, region, nanos, wall(nanos), 400, null);
        }

        private static Instant wall(long nanos) {
            return START.plusNanos(nanos);
        }
    }
}
