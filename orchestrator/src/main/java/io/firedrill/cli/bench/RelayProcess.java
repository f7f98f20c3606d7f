package io.firedrill.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link PlainRelay} in its own JVM, with the same JVM options as the proxy under test, so that the two
 * relay the same load with the same processes around them. {@link #close()} kills it, and so does a shutdown
 * hook if the bench is interrupted.
 */
final class RelayProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private final Process process;
    private final InetSocketAddress address;
    private final Thread killer;

    private RelayProcess(Process process, int port) {
        this.process = process;
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.killer = new Thread(process::destroyForcibly, "bench-relay-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts a relay to {@code upstream} (a loopback address) and returns once it listens. */
    static RelayProcess start(InetSocketAddress upstream) throws BenchSetupException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(ProxyProcess.jvmOptions().trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainRelay.class.getName(),
                String.valueOf(upstream.getPort())));
        Process process;
        try {
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new BenchSetupException("cannot start the plain relay: " + e.getMessage(), e);
        }
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> firstLine(process));
        try {
            String line = first.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || !line.startsWith(PlainRelay.READY)) {
                throw new IOException("it printed " + (line == null ? "nothing" : "'" + line + "'"));
            }
            return new RelayProcess(process, Integer.parseInt(line.substring(PlainRelay.READY.length()).strip()));
        } catch (IOException | ExecutionException | TimeoutException | NumberFormatException e) {
            process.destroyForcibly();
            throw new BenchSetupException("the plain relay did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new BenchSetupException("interrupted while the plain relay started", e);
        }
    }

    private static String firstLine(Process process) {
        try {
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            return null;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook kills the process anyway.
        }
    }
}
