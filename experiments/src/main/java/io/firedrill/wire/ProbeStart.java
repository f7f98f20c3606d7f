package io.firedrill.wire;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orchestrator &rarr; agent: start running a run's probes. The agent answers with a {@link ProbeReport} quoting
 * {@code commandId} ({@code started} or {@code failed}), then streams {@link ProbeResults}. A resent command (same
 * id) is answered again without starting anything twice.
 *
 * @param commandId         unique per command; the idempotency key
 * @param runId             the run the probes belong to; {@link ProbeStop} and every result name it
 * @param maxDurationMillis the agent stops the run's probes on its own after this long, so that probes an
 *                          orchestrator forgot (it crashed, the connection is gone) do not run forever
 * @param probes            what to run, names unique
 */
public record ProbeStart(String commandId, String runId, long maxDurationMillis, List<ProbeSpec> probes)
        implements Message {

    public ProbeStart {
        Fields.require(commandId, "commandId");
        Fields.require(runId, "runId");
        Fields.positive(maxDurationMillis, "maxDurationMillis");
        probes = probes == null ? List.of() : List.copyOf(probes);
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("field 'probes' is empty: nothing to run");
        }
        Set<String> names = new HashSet<>();
        for (ProbeSpec p : probes) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("field 'probes' names probe '" + p.name() + "' twice; "
                        + "names must be unique within a run");
            }
        }
    }
}
