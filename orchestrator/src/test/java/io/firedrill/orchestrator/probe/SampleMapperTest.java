package io.firedrill.orchestrator.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.orchestrator.agents.ClockOffset;
import io.firedrill.wire.Micros;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProbeResults.Sample;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SampleMapperTest {
    private final Map<String, ClockOffset> current = new HashMap<>();
    private final SampleMapper mapper = new SampleMapper(Clock.systemUTC(), r -> Optional.ofNullable(current.get(r)));

    private static ProbeResults batch(long agentMicros) {
        return new ProbeResults("run-1", 1, 0, List.of(new Sample("health", agentMicros, true, 1_500, "200")));
    }

    @Test
    void subtractsTheAgentsOffsetAndCarriesItsErrorBound() {
        long now = Micros.now(Clock.systemUTC());
        current.put("eu-west", new ClockOffset(5_000_000, 300, 600, 5));

        ProbeSample s = mapper.map("eu-west", batch(now + 5_000_000)).get(0);

        assertThat(Micros.of(s.at())).isEqualTo(now);
        assertThat(s.boundMicros()).hasValue(300);
        assertThat(s.agentTimeMicros()).isEqualTo(now + 5_000_000);
        assertThat(s.latencyMicros()).isEqualTo(1_500);
        assertThat(s.region()).isEqualTo("eu-west");
        assertThat(s.runId()).isEqualTo("run-1");
    }

    @Test
    void putsTheSampleOnTheMonotonicClockAtTheSameDistanceFromNow() {
        long now = Micros.now(Clock.systemUTC());
        long before = System.nanoTime();

        ProbeSample s = mapper.map("eu-west", batch(now - 250_000)).get(0);

        long ageNanos = System.nanoTime() - s.monoNanos();
        assertThat(TimeUnit.NANOSECONDS.toMillis(ageNanos)).isBetween(240L,
                250L + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before) + 10);
    }

    @Test
    void keepsTheLastKnownOffsetWhileTheAgentIsNotMeasuredButGivesNoBound() {
        long now = Micros.now(Clock.systemUTC());
        current.put("eu-west", new ClockOffset(2_000_000, 300, 600, 5));
        mapper.map("eu-west", batch(now));
        current.clear();

        ProbeSample s = mapper.map("eu-west", batch(now + 2_000_000)).get(0);

        assertThat(Micros.of(s.at())).isEqualTo(now);
        assertThat(s.boundMicros()).isEmpty();
    }

    @Test
    void takesTheAgentsTimeAsItIsWhenItWasNeverMeasured() {
        ProbeSample s = mapper.map("us-east", batch(1_000_000)).get(0);

        assertThat(Micros.of(s.at())).isEqualTo(1_000_000);
        assertThat(s.boundMicros()).isEmpty();
    }
}
