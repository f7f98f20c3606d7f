package io.firedrill.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15), new Random(42));

    @Test
    void startsAtTheMinimum() {
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void roughlyDoublesWithJitterUpToTheMaximum() {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            delays.add(backoff.next());
        }

        assertThat(delays.get(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(delays.get(5)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(8000));
        assertThat(delays.subList(7, 12)).allSatisfy(d -> assertThat(d).isBetween(
                Duration.ofMillis(7500), Duration.ofSeconds(15)));
    }

    @Test
    void spreadsAgentsThatFailTogether() {
        Backoff other = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15), new Random(7));
        for (int i = 0; i < 4; i++) {
            backoff.next();
            other.next();
        }

        assertThat(backoff.next()).isNotEqualTo(other.next());
    }

    @Test
    void startsOverAfterAReset() {
        for (int i = 0; i < 6; i++) {
            backoff.next();
        }
        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.attempts()).isEqualTo(1);
    }

    @Test
    void survivesVeryManyFailures() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.next()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(15));
        }
    }
}
