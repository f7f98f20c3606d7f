package io.firedrill.agent.fault;

import io.firedrill.agent.fault.HostTargets.CommandRef;
import io.firedrill.agent.fault.HostTargets.ProcessRef;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Host faults, limited to the {@link HostTargets} the agent was started with. Blocking: runs on the
 * agent's fault worker.
 */
final class HostDriver {
    private static final Set<String> SIGNALS = Set.of("SIGTERM", "SIGKILL", "SIGINT", "SIGHUP");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final int OUTPUT_LIMIT = 2_000;

    private final HostTargets targets;

    HostDriver(HostTargets targets) {
        this.targets = targets;
    }

    /** Signals the declared process; returns what was done, for the report. */
    String kill(String name, String signal) throws IOException {
        ProcessRef ref = targets.processes().get(name);
        if (ref == null) {
            throw new IOException("process '" + name + "' is not declared to this agent; declared: "
                    + (targets.processes().isEmpty() ? "none (start the agent with --process NAME=...)"
                    : String.join(", ", targets.processes().keySet())));
        }
        if (!SIGNALS.contains(signal)) {
            throw new IOException("signal '" + signal + "' is not one of " + SIGNALS);
        }
        List<Long> pids = pids(ref);
        if (pids.isEmpty()) {
            throw new IOException("no running process matches '" + name + "'"
                    + ref.pidFile().map(p -> " (pid file " + p + ")").orElse(" (pattern " + ref.match().get() + ")"));
        }
        for (long pid : pids) {
            run(List.of("kill", "-s", signal.substring(3), Long.toString(pid)), "kill " + pid);
        }
        return "sent " + signal + " to " + name + " (pid " + pids.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
    }

    String runApply(String name) throws IOException {
        CommandRef ref = command(name);
        return run(List.of(ref.apply().toString()), "command '" + name + "'");
    }

    /** Runs the declared revert command, if there is one. */
    String runRevert(String name) throws IOException {
        CommandRef ref = command(name);
        if (ref.revert().isEmpty()) {
            return "command '" + name + "' has no revert command";
        }
        return run(List.of(ref.revert().get().toString()), "revert of command '" + name + "'");
    }

    private CommandRef command(String name) throws IOException {
        CommandRef ref = targets.commands().get(name);
        if (ref == null) {
            throw new IOException("command '" + name + "' is not declared to this agent; declared: "
                    + (targets.commands().isEmpty() ? "none (start the agent with --command NAME=...)"
                    : String.join(", ", targets.commands().keySet())));
        }
        return ref;
    }

    private static List<Long> pids(ProcessRef ref) throws IOException {
        if (ref.pidFile().isPresent()) {
            String text;
            try {
                text = Files.readString(ref.pidFile().get(), StandardCharsets.UTF_8).trim();
            } catch (NoSuchFileException e) {
                return List.of();
            }
            try {
                long pid = Long.parseLong(text);
                return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> List.of(pid)).orElse(List.of());
            } catch (NumberFormatException e) {
                throw new IOException("pid file " + ref.pidFile().get() + " holds '" + text + "', not a process id");
            }
        }
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(h -> h.pid() != self)
                .filter(h -> h.info().commandLine().map(c -> ref.match().get().matcher(c).find()).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    private static String run(List<String> command, String what) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out;
        try {
            out = p.getInputStream().readNBytes(OUTPUT_LIMIT);
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(what + " was interrupted");
        }
        String output = new String(out, StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException(what + " exited with " + p.exitValue() + (output.isEmpty() ? "" : ": " + output));
        }
        return what + " succeeded" + (output.isEmpty() ? "" : ": " + output);
    }
}
