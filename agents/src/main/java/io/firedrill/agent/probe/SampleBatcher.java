package io.firedrill.agent.probe;

import io.firedrill.wire.Message;
import io.firedrill.wire.ProbeResults;
import io.firedrill.wire.ProbeResults.Sample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Collects one run's samples into numbered {@link ProbeResults} batches. While the control channel is down
 * the samples wait here rather than in the channel's outbox, which is small and shared with fault reports
 * that must not be pushed out by a flood of samples; beyond the buffer limit the oldest samples are dropped,
 * and the count goes out with the next batch. Event loop only.
 */
final class SampleBatcher {
    private final String runId;
    private final int batchSize;
    private final int bufferLimit;
    private final BooleanSupplier connected;
    private final Consumer<Message> send;
    private final ArrayDeque<Sample> buffer = new ArrayDeque<>();
    private long seq;
    private long dropped;

    /**
     * @param connected whether the control channel is up now
     * @param send      the control channel's send
     */
    SampleBatcher(String runId, ProbeSettings settings, BooleanSupplier connected, Consumer<Message> send) {
        this.runId = runId;
        this.batchSize = settings.batchSize();
        this.bufferLimit = settings.bufferLimit();
        this.connected = connected;
        this.send = send;
    }

    void add(Sample sample) {
        if (buffer.size() >= bufferLimit) {
            buffer.removeFirst();
            dropped++;
        }
        buffer.addLast(sample);
        if (buffer.size() >= batchSize && connected.getAsBoolean()) {
            sendBatch();
        }
    }

    /** Sends what waits, if the channel is up. */
    void flush() {
        if (connected.getAsBoolean()) {
            drain();
        }
    }

    /**
     * Sends what waits whether or not the channel is up (the channel's outbox then keeps it): the run is
     * ending and this is the last chance.
     */
    void flushFinal() {
        drain();
    }

    /** Samples dropped so far that no batch has reported yet. */
    long pendingDrops() {
        return dropped;
    }

    private void drain() {
        while (!buffer.isEmpty() || dropped > 0) {
            sendBatch();
        }
    }

    private void sendBatch() {
        List<Sample> batch = new ArrayList<>(Math.min(batchSize, buffer.size()));
        while (batch.size() < batchSize && !buffer.isEmpty()) {
            batch.add(buffer.removeFirst());
        }
        send.accept(new ProbeResults(runId, ++seq, dropped, batch));
        dropped = 0;
    }
}
