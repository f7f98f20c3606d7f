package io.firedrill.orchestrator.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetEstimatorTest {
    private final OffsetEstimator estimator = new OffsetEstimator(8);

    @Test
    void computesOffsetAndBoundFromTheFourTimestamps() {
        // Agent 250 ms ahead; 100 µs out, 160 µs back, 40 µs turnaround on the agent.
        estimator.add(1_000_000, 1_250_100, 1_250_140, 1_000_300);

        ClockOffset offset = estimator.estimate().orElseThrow();

        assertThat(offset.delayMicros()).isEqualTo(260);
        assertThat(offset.errorMicros()).isEqualTo(130);
        assertThat(offset.offsetMicros()).isEqualTo(249_970);
        assertThat(offset.offsetMicros()).isCloseTo(250_000, within(offset.errorMicros()));
    }

    @Test
    void keepsTheSampleWithTheSmallestDelay() {
        estimator.add(0, 5_000, 5_010, 9_000);   // queued: delay 8990
        estimator.add(20_000, 20_520, 20_530, 21_000); // delay 990
        estimator.add(40_000, 42_000, 42_010, 43_000); // delay 2990

        ClockOffset offset = estimator.estimate().orElseThrow();

        assertThat(offset.delayMicros()).isEqualTo(990);
        assertThat(offset.offsetMicros()).isEqualTo(25);
        assertThat(offset.samples()).isEqualTo(3);
    }

    @Test
    void forgetsSamplesOlderThanItsWindow() {
        estimator.add(0, 10, 10, 20); // delay 20: the best, but it will age out
        for (int i = 1; i <= 8; i++) {
            long t1 = i * 1_000_000L;
            estimator.add(t1, t1 + 500, t1 + 500, t1 + 1_000);
        }

        assertThat(estimator.estimate().orElseThrow().delayMicros()).isEqualTo(1_000);
    }

    @Test
    void dropsSamplesWithNegativeDelay() {
        boolean accepted = estimator.add(0, 100, 2_000, 500); // agent turnaround longer than the round trip

        assertThat(accepted).isFalse();
        assertThat(estimator.estimate()).isEmpty();
        assertThat(estimator.rejected()).isEqualTo(1);
    }

    @Test
    void roundsAnOddBoundUp() {
        estimator.add(0, 0, 0, 3);

        assertThat(estimator.estimate().orElseThrow().errorMicros()).isEqualTo(2);
    }

    @Test
    void recoversASkewedClockWithinTheBoundWhateverThePathAsymmetry() {
        Random random = new Random(20_251_127);
        long skew = -1_234_567;
        for (int i = 0; i < 500; i++) {
            long t1 = 10_000_000L * i;
            long out = 50 + random.nextInt(5_000);   // one-way delays: asymmetric and jittery
            long turnaround = random.nextInt(200);
            long back = 50 + random.nextInt(5_000);
            long t2 = t1 + out + skew;
            long t3 = t2 + turnaround;
            long t4 = t3 - skew + back;
            estimator.add(t1, t2, t3, t4);

            ClockOffset offset = estimator.estimate().orElseThrow();
            assertThat(offset.offsetMicros()).isCloseTo(skew, within(offset.errorMicros()));
        }
    }
}
