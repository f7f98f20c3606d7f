package io.firedrill.cli.bench;

import io.firedrill.orchestrator.measure.JsonlCodec;
import io.firedrill.orchestrator.measure.Judgement;
import io.firedrill.orchestrator.measure.Measured;
import io.firedrill.orchestrator.measure.Op;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
            SyntheticRun.Planted planted = SyntheticRun.write(files, ops);
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

    private int report(PrintWriter out, SyntheticRun.Planted planted, long parseNanos, long judgeNanos, ChildRun child,
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
}
