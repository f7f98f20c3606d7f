package io.firedrill.cli.bench;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The proxy under test: {@code firedrill proxy} started as its own JVM, the way users run it, with the JVM
 * options {@code bin/firedrill} would give it. The bench drives it only through its Toxiproxy HTTP API, with
 * Toxiproxy's own Java client. {@link #close()} kills it; a shutdown hook does the same if the bench is
 * interrupted, so no proxy outlives the run.
 */
final class ProxyProcess implements AutoCloseable {
    /** What {@code bin/firedrill} gives every command but {@code agent}; FIREDRILL_JAVA_OPTS replaces it there too. */
    static final String LAUNCHER_JVM_OPTIONS = "-XX:+UseSerialGC -Xms32m -Xmx1g";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final int apiPort;
    private final Path log;
    private final ToxiproxyClient client;
    private final Thread killer;

    private ProxyProcess(Process process, int apiPort, Path log) {
        this.process = process;
        this.apiPort = apiPort;
        this.log = log;
        this.client = new ToxiproxyClient("127.0.0.1", apiPort);
        this.killer = new Thread(process::destroyForcibly, "bench-proxy-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts the proxy and waits until its API answers; kills it again when it does not within {@code timeout}.
     * {@code otherServer} replaces {@code firedrill proxy} with another Toxiproxy-compatible server (the
     * reference itself, say), its {@code {port}} replaced by the API port.
     */
    static ProxyProcess start(Duration timeout, Optional<String> otherServer) throws BenchSetupException {
        Path log;
        Process process;
        int port;
        try {
            log = Files.createTempFile("firedrill-bench-proxy-", ".log");
            port = freePort();
            List<String> command = otherServer.isPresent() ? split(otherServer.get(), port) : command(port);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new BenchSetupException("cannot start the proxy process: " + e.getMessage(), e);
        }
        ProxyProcess proxy = new ProxyProcess(process, port, log);
        try {
            proxy.awaitApi(timeout);
            return proxy;
        } catch (BenchSetupException | RuntimeException e) {
            proxy.close();
            throw e;
        }
    }

    static String jvmOptions() {
        String fromEnv = System.getenv("FIREDRILL_JAVA_OPTS");
        return fromEnv != null ? fromEnv : LAUNCHER_JVM_OPTIONS;
    }

    private static List<String> command(int port) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmOptions().trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.firedrill.cli.Firedrill",
                "proxy", "--host", "127.0.0.1", "--port", String.valueOf(port)));
        return cmd;
    }

    private static List<String> split(String commandLine, int port) {
        return Arrays.stream(commandLine.trim().split("\\s+")).map(w -> w.replace("{port}", String.valueOf(port)))
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitApi(Duration timeout) throws BenchSetupException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new BenchSetupException("the proxy process exited with " + process.exitValue()
                        + " before its API answered: " + lastLine() + " (log: " + log + ")");
            }
            try {
                client.version();
                return;
            } catch (IOException e) {
                sleep(POLL);
            }
        }
        throw new BenchSetupException("the proxy API on 127.0.0.1:" + apiPort + " did not answer within "
                + timeout.toSeconds() + " s (log: " + log + ")");
    }

    long pid() {
        return process.pid();
    }

    String api() {
        return "127.0.0.1:" + apiPort;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The process's resident memory from {@code /proc/<pid>/status}; empty where there is no procfs. */
    OptionalLong rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No procfs (or the process is gone): the memory figures become UNKNOWN.
        }
        return OptionalLong.empty();
    }

    /** Creates a proxy to {@code upstream} on a free port, through the API. */
    ProxyUnderTest create(String name, InetSocketAddress upstream) throws IOException {
        Proxy proxy = client.createProxy(name, "127.0.0.1:0",
                upstream.getAddress().getHostAddress() + ":" + upstream.getPort());
        return new ProxyUnderTest(proxy, ProxyUnderTest.parse(proxy.getListen()));
    }

    /** The last non-blank line the process wrote, which is where a launcher or start-up error ends up. */
    String lastLine() {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
            return "(no output)";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook kills the process anyway.
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
