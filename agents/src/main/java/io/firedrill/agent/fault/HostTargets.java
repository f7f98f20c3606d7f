package io.firedrill.agent.fault;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The allow-list of host faults an agent was started with: processes it may signal and commands it may
 * run, each under a name that experiments refer to. Nothing outside this list can be touched on the host.
 */
public record HostTargets(Map<String, ProcessRef> processes, Map<String, CommandRef> commands) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public HostTargets {
        processes = Map.copyOf(processes);
        commands = Map.copyOf(commands);
    }

    public static HostTargets none() {
        return new HostTargets(Map.of(), Map.of());
    }

    /**
     * Reads {@code --process} and {@code --command} values: {@code NAME=pidfile:PATH} or
     * {@code NAME=match:REGEX} (matched against the process's full command line), and
     * {@code NAME=APPLY[,REVERT]} (paths of executables run without a shell).
     */
    public static HostTargets parse(Iterable<String> processSpecs, Iterable<String> commandSpecs) {
        Map<String, ProcessRef> processes = new LinkedHashMap<>();
        for (String spec : processSpecs) {
            String[] kv = split(spec, "--process", "NAME=pidfile:PATH or NAME=match:REGEX");
            String how = kv[1];
            ProcessRef ref;
            if (how.startsWith("pidfile:") && how.length() > 8) {
                ref = new ProcessRef(kv[0], Optional.of(Path.of(how.substring(8))), Optional.empty());
            } else if (how.startsWith("match:") && how.length() > 6) {
                try {
                    ref = new ProcessRef(kv[0], Optional.empty(), Optional.of(Pattern.compile(how.substring(6))));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("--process '" + spec + "': the pattern is not a regular "
                            + "expression: " + e.getDescription());
                }
            } else {
                throw new IllegalArgumentException("--process '" + spec + "' is not valid: expected "
                        + "NAME=pidfile:PATH or NAME=match:REGEX (e.g. app=pidfile:/run/app.pid)");
            }
            putOnce(processes, kv[0], ref, "--process");
        }
        Map<String, CommandRef> commands = new LinkedHashMap<>();
        for (String spec : commandSpecs) {
            String[] kv = split(spec, "--command", "NAME=APPLY[,REVERT]");
            String[] scripts = kv[1].split(",", -1);
            if (scripts.length > 2 || scripts[0].isBlank() || (scripts.length == 2 && scripts[1].isBlank())) {
                throw new IllegalArgumentException("--command '" + spec + "' is not valid: expected NAME=APPLY[,REVERT]"
                        + " (e.g. drain=/opt/drain.sh,/opt/undrain.sh)");
            }
            Optional<Path> revert = scripts.length == 2 ? Optional.of(Path.of(scripts[1])) : Optional.empty();
            putOnce(commands, kv[0], new CommandRef(kv[0], Path.of(scripts[0]), revert), "--command");
        }
        return new HostTargets(processes, commands);
    }

    private static String[] split(String spec, String flag, String expected) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException(flag + " '" + spec + "' is not valid: expected " + expected);
        }
        String name = spec.substring(0, eq);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(flag + " '" + spec + "': name '" + name + "' is not valid: expected "
                    + "lower-case letters, digits and '-'");
        }
        return new String[] {name, spec.substring(eq + 1)};
    }

    private static <T> void putOnce(Map<String, T> map, String name, T value, String flag) {
        if (map.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException(flag + " declares '" + name + "' twice");
        }
    }

    /** A process the agent may signal: by the pid in a file, or by a pattern over command lines. */
    public record ProcessRef(String name, Optional<Path> pidFile, Optional<Pattern> match) {}

    /** A command the agent may run, and the command that undoes it. */
    public record CommandRef(String name, Path apply, Optional<Path> revert) {}
}
