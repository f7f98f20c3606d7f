package io.firedrill.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "proxy",
        mixinStandardHelpOptions = true,
        description = {"Benchmark the built-in Toxiproxy-compatible proxy against direct loopback.",
            "Starts 'firedrill proxy' as its own process, drives it through its Toxiproxy API, and measures each "
                + "figure directly and through the proxy in the same run: bulk stream (also through a plain relay, "
                + "for what relaying alone costs), 64 KiB request/response and 16-byte echo latency without toxics; "
                + "1000 concurrent connections and the proxy's memory; latency and bandwidth toxic accuracy; "
                + "back-pressure under a 1 s latency toxic. Progress goes to stderr, the table and PASS/FAIL per "
                + "target to stdout. A full run takes about a minute.",
            "Exit status: 0 every target met, 1 a target missed, 2 bad usage or the proxy did not start."},
        footer = {"", "Sections: no-toxics, connections, toxics, back-pressure.", "", "Examples:",
            "  firedrill bench proxy",
            "  firedrill bench proxy --quick",
            "  firedrill bench proxy --only no-toxics,toxics --json bench.json",
            "  firedrill bench proxy --proxy-command 'toxiproxy-server -port {port}'"})
final class ProxyBenchCommand implements Callable<Integer> {
    /** Every section, in the order they run; a new one is one more entry here. */
    static final List<BenchSection> SECTIONS = List.of(
            new NoToxicsSection(), new ConnectionsSection(), new ToxicsSection(), new BackPressureSection());
    private static final Duration PROXY_START_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short runs: checks that every section works; figures are noisy.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure and target to FILE as JSON.")
    Path json;

    @Option(names = "--only", split = ",", paramLabel = "SECTION",
            description = "Run only these sections (comma-separated).")
    List<String> only;

    @Option(names = "--proxy-command", paramLabel = "COMMAND",
            description = "Benchmark another Toxiproxy-compatible server instead of 'firedrill proxy' (the "
                    + "reference, to compare); {port} in COMMAND becomes a free API port.")
    String proxyCommand;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> usage = unknownSection().or(this::unwritableJson);
        if (usage.isPresent()) {
            return fail(err, usage.get());
        }
        List<BenchSection> sections = selected();
        BenchProgress progress = new BenchProgress(err);
        BenchPlan plan = quick ? BenchPlan.quick() : BenchPlan.full();
        String underTest = proxyCommand != null ? proxyCommand : "firedrill proxy (" + ProxyProcess.jvmOptions() + ")";
        String environment = String.format(Locale.ROOT, "%d cores%s, Java %s, %s run, proxy: %s",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"),
                quick ? "quick" : "full", underTest);
        BenchReport report;
        try (LoopbackServers servers = new LoopbackServers()) {
            progress.step("starting the proxy: %s", underTest);
            try (ProxyProcess proxy = ProxyProcess.start(PROXY_START_TIMEOUT, Optional.ofNullable(proxyCommand))) {
                progress.step("proxy pid %d, API %s", proxy.pid(), proxy.api());
                BenchContext context = new BenchContext(plan, proxy, servers, progress);
                report = new BenchReport(Instant.now().truncatedTo(ChronoUnit.SECONDS), environment,
                        runAll(sections, context));
                keepLogIfNeeded(report, proxy, progress);
            }
        } catch (BenchSetupException e) {
            return fail(err, e.getMessage());
        }
        report.print(spec.commandLine().getOut());
        if (json != null) {
            report.writeJson(json);
            progress.step("figures written to %s", json);
        }
        return report.allPass() ? 0 : 1;
    }

    private List<SectionResult> runAll(List<BenchSection> sections, BenchContext context) {
        List<SectionResult> results = new ArrayList<>();
        for (BenchSection section : sections) {
            context.progress().step("== %s: %s", section.name(), section.title());
            SectionReport report = new SectionReport();
            if (!context.proxy().isAlive()) {
                results.add(report.failed(section, "the proxy process has exited: " + context.proxy().lastLine()));
                continue;
            }
            try {
                section.run(context, report);
                results.add(report.complete(section));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(report.failed(section, "interrupted"));
                break;
            } catch (Exception e) {
                String why = e.getMessage() != null ? e.getMessage() : e.toString();
                context.progress().step("%s stopped: %s", section.name(), why);
                results.add(report.failed(section, why));
            }
        }
        return results;
    }

    /** The proxy's log helps explain a missed target; after a clean run it is only clutter. */
    private static void keepLogIfNeeded(BenchReport report, ProxyProcess proxy, BenchProgress progress)
            throws IOException {
        if (report.allPass()) {
            Files.deleteIfExists(proxy.log());
        } else {
            progress.step("the proxy's output is in %s", proxy.log());
        }
    }

    /**
     * The 1-minute load average at the start, printed with the figures: other work on the machine competes with
     * the proxy for the same cores and shows up in the ratios, so a reader needs to know it was there.
     */
    private static String loadAverage() {
        try {
            return " (load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Usage and setup errors are one line, like every firedrill command's, and exit 2. */
    private static int fail(PrintWriter err, String message) {
        err.println("firedrill bench proxy: " + message);
        err.flush();
        return 2;
    }

    private List<BenchSection> selected() {
        if (only == null || only.isEmpty()) {
            return SECTIONS;
        }
        return only.stream().map(name -> SECTIONS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow())
                .toList();
    }

    private Optional<String> unknownSection() {
        Set<String> known = SECTIONS.stream().map(BenchSection::name).collect(Collectors.toCollection(LinkedHashSet::new));
        return (only == null ? List.<String>of() : only).stream().filter(name -> !known.contains(name)).findFirst()
                .map(name -> "--only: unknown section '" + name + "'; expected one of " + String.join(", ", known));
    }

    /** Fails before a minute of measuring rather than after it. */
    private Optional<String> unwritableJson() {
        if (json == null) {
            return Optional.empty();
        }
        Path dir = json.toAbsolutePath().getParent();
        if (dir != null && Files.isDirectory(dir) && Files.isWritable(dir)) {
            return Optional.empty();
        }
        return Optional.of("--json: cannot write '" + json + "'; expected a file in an existing, writable directory");
    }
}
