package io.firedrill.orchestrator.probe;

import io.firedrill.orchestrator.agents.ClockOffset;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProbeResults.Sample;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Puts agent-stamped samples on the orchestrator's timeline, the way fault reports are: agent time minus the
 * agent's current clock offset, bounded by that estimate's error. Without a current estimate (the agent just
 * reconnected and has not been measured yet) the last offset seen for the region is used, so that a skewed
 * agent's samples do not land seconds away, but the bound is left empty: nothing says how far that offset
 * has drifted since.
 *
 * <p>The monotonic time is derived at arrival: {@code nanoTime now - (wall now - wall of the sample)}, which holds
 * as long as the orchestrator's wall clock was not stepped between the sample and its arrival (a batch is at most
 * a flush interval old, unless the agent held it while disconnected).
 */
final class SampleMapper {
    private final Clock clock;
    private final Function<String, Optional<ClockOffset>> offsets;
    private final Map<String, ClockOffset> lastKnown = new HashMap<>();

    /** @param offsets the current offset estimate of a region's agent, such as the hub's {@code clockOffset} */
    SampleMapper(Clock clock, Function<String, Optional<ClockOffset>> offsets) {
        this.clock = clock;
        this.offsets = offsets;
    }

    List<ProbeSample> map(String region, ProbeResults results) {
        Optional<ClockOffset> current = offsets.apply(region);
        current.ifPresent(o -> lastKnown.put(region, o));
        ClockOffset offset = current.orElse(lastKnown.get(region));
        OptionalLong bound = current.map(o -> OptionalLong.of(o.errorMicros())).orElse(OptionalLong.empty());
        long nowNanos = System.nanoTime();
        long nowMicros = Micros.now(clock);
        List<ProbeSample> mapped = new ArrayList<>(results.samples().size());
        for (Sample s : results.samples()) {
            long micros = offset == null ? s.agentTimeMicros() : offset.toOrchestratorMicros(s.agentTimeMicros());
            long monoNanos = nowNanos - (nowMicros - micros) * 1_000L;
            mapped.add(new ProbeSample(results.runId(), s.probe(), region, Micros.toInstant(micros), monoNanos, s.ok(),
                    s.latencyMicros(), bound, s.detail(), s.agentTimeMicros()));
        }
        return mapped;
    }
}
