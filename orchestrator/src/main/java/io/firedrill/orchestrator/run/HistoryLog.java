package io.firedrill.orchestrator.run;

import io.firedrill.orchestrator.measure.JsonlCodec;
import io.firedrill.orchestrator.measure.JsonlWriter;
import io.firedrill.orchestrator.measure.Op;
import io.firedrill.orchestrator.measure.Replayable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The run's history, in recording order: the workload's operations and the nemesis's fault events on one timeline.
 * Each entry is appended to {@code history.jsonl} as it happens (flushed at every transition and every tick), not
 * held in memory, so a long run costs disk rather than heap and a crash loses at most the unflushed tail. Each entry
 * also goes to a listener (the run's live feed).
 */
final class HistoryLog implements HistorySink, AutoCloseable {
    private final RunClock clock;
    private final Path file;
    private final Consumer<Op> listener;
    private final JsonlWriter<Op> writer;
    private long size;
    private IOException failure;
    private boolean closed;

    HistoryLog(RunClock clock, Path file, Consumer<Op> listener) {
        this.clock = clock;
        this.file = file;
        this.listener = listener;
        try {
            Files.createDirectories(file.getParent());
            this.writer = JsonlCodec.HISTORY.writer(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's history to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void record(long process, String opId, Kind kind, String f, String key, String value,
            String region, long nanos, String detail) {
        Op.Type type = switch (kind) {
            case INVOKE -> Op.Type.INVOKE;
            case OK -> Op.Type.OK;
            case FAIL -> Op.Type.FAIL;
            case INFO -> Op.Type.INFO;
        };
        append(new Op(size, opId, process, type, Op.Function.ofWire(f), key, value, region, nanos, clock.wall(nanos),
                detail));
    }

    /** A fault event: {@code f} is inject, revert or halt; {@code fault} the step name, {@code kind} the fault. */
    synchronized void nemesis(Op.Function f, String fault, String kind, String region, long nanos, String detail) {
        append(Op.nemesis(size, "nemesis-" + size, f, fault, kind, region, nanos, clock.wall(nanos), detail));
    }

    private void append(Op op) {
        size++;
        if (!closed && failure == null) {
            try {
                writer.write(op);
            } catch (IOException e) {
                failure = e;
            }
        }
        listener.accept(op);
    }

    /** Pushes what was recorded so far to the file. */
    synchronized void flush() {
        if (!closed && failure == null) {
            try {
                writer.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    /**
     * Closes the file and returns it as the run's history evidence; entries recorded after this are not kept.
     *
     * @throws UncheckedIOException when an entry could not be written: the history on disk is incomplete
     */
    synchronized Replayable<Op> finish() {
        close();
        if (failure != null) {
            throw new UncheckedIOException("the run's history could not be written to " + file + " after " + size
                    + " entries: " + failure.getMessage(), failure);
        }
        return JsonlCodec.HISTORY.file(file);
    }

    synchronized long size() {
        return size;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
