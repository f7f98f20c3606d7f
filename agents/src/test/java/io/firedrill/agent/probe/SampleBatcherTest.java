package io.firedrill.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.firedrill.wire.Message;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProbeResults.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SampleBatcherTest {
    private final List<Message> sent = new ArrayList<>();
    private final AtomicBoolean connected = new AtomicBoolean(true);

    private SampleBatcher batcher(int batchSize, int bufferLimit) {
        return new SampleBatcher("run-1", new ProbeSettings(Duration.ofMillis(200), batchSize, bufferLimit, 1),
                connected::get, sent::add);
    }

    private static Sample sample(int i) {
        return new Sample("p", i, true, 10, "200");
    }

    @Test
    void sendsABatchAsSoonAsItIsFull() {
        SampleBatcher b = batcher(2, 10);

        b.add(sample(1));
        assertThat(sent).isEmpty();
        b.add(sample(2));

        assertThat(sent).containsExactly(new ProbeResults("run-1", 1, 0, List.of(sample(1), sample(2))));
    }

    @Test
    void numbersItsBatchesAndSendsWhatWaitsOnFlush() {
        SampleBatcher b = batcher(100, 1000);
        b.add(sample(1));
        b.flush();
        b.add(sample(2));
        b.flush();
        b.flush();

        assertThat(sent).containsExactly(new ProbeResults("run-1", 1, 0, List.of(sample(1))),
                new ProbeResults("run-1", 2, 0, List.of(sample(2))));
    }

    @Test
    void holdsSamplesWhileDisconnectedAndCountsTheOldestItHadToDrop() {
        SampleBatcher b = batcher(2, 3);
        connected.set(false);
        for (int i = 1; i <= 5; i++) {
            b.add(sample(i));
        }
        b.flush();
        assertThat(sent).isEmpty();
        assertThat(b.pendingDrops()).isEqualTo(2);

        connected.set(true);
        b.flush();

        assertThat(sent).containsExactly(new ProbeResults("run-1", 1, 2, List.of(sample(3), sample(4))),
                new ProbeResults("run-1", 2, 0, List.of(sample(5))));
    }

    @Test
    void handsItsLastSamplesToTheChannelEvenWhileDisconnected() {
        SampleBatcher b = batcher(10, 10);
        connected.set(false);
        b.add(sample(1));

        b.flushFinal();

        assertThat(sent).containsExactly(new ProbeResults("run-1", 1, 0, List.of(sample(1))));
    }
}
