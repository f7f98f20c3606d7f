package io.firedrill.orchestrator.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firedrill.orchestrator.measure.JsonlCodec;
import io.firedrill.orchestrator.measure.JsonlWriter;
import io.firedrill.orchestrator.measure.Op;
import io.firedrill.orchestrator.measure.ProbeSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a run in flight tells the people watching it, as a sequence of named JSON events: its state changes, every
 * probe sample, the workload's completions per second, each fault injected and reverted, the result, and the end.
 * A new watcher first gets every event so far, then each new one as it happens, so a browser that opens the run
 * late (or reconnects) draws the same chart as one that watched from the start. The wire format is documented in
 * {@code docs/live.md}.
 */
public final class RunFeed {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000_000_000L;

    /** One event: {@code seq} counts from 1 in the run; {@code json} is one line of JSON. */
    public record Event(long seq, String name, String json) {
        public boolean isEnd() {
            return name.equals("end");
        }
    }

    private final List<Event> events = new ArrayList<>();
    private final List<Consumer<Event>> watchers = new ArrayList<>();
    private final long[] bucket = new long[3];
    private boolean ended;
    private long second = -1;

    /**
     * Sends {@code watcher} every event after {@code afterSeq} (0: all), then each new one until the end. The events
     * arrive in order, on whichever thread publishes them; the watcher must not block. Returns how to stop watching.
     */
    public synchronized Runnable watch(long afterSeq, Consumer<Event> watcher) {
        for (Event e : events) {
            if (e.seq() > afterSeq) {
                watcher.accept(e);
            }
        }
        if (ended) {
            return () -> {};
        }
        watchers.add(watcher);
        return () -> unwatch(watcher);
    }

    private synchronized void unwatch(Consumer<Event> watcher) {
        watchers.remove(watcher);
    }

    void state(RunState state, String detail, Instant at, long nanos) {
        ObjectNode n = JSON.createObjectNode().put("state", state.name()).put("detail", detail)
                .put("at", at.toString()).put("nanos", nanos);
        publish("state", n.toString());
    }

    void probe(ProbeSample sample) {
        publish("probe", line(sample));
    }

    /** A history entry: completions are counted per second of the run; nemesis entries become fault events. */
    synchronized void op(Op op) {
        if (op.type() == Op.Type.NEMESIS) {
            ObjectNode n = JSON.createObjectNode().put("fault", op.key()).put("kind", op.value())
                    .put("action", op.f().wire()).put("nanos", op.nanos()).put("wall", op.wall().toString());
            if (op.region() != null) {
                n.put("region", op.region());
            }
            publish("fault", n.toString());
            return;
        }
        int slot = switch (op.type()) {
            case OK -> 0;
            case FAIL -> 1;
            case INFO -> 2;
            default -> -1;
        };
        if (slot < 0) {
            return;
        }
        long s = Math.max(0, op.nanos() / SECOND);
        if (second < 0) {
            second = s;
        }
        closeSecondsBefore(s);
        // A completion from a second already sent (threads race by a few µs at the boundary) counts in the open one.
        bucket[slot]++;
    }

    /** Sends the per-second counts of every second that is over at run time {@code nowNanos}. */
    synchronized void tick(long nowNanos) {
        if (second >= 0) {
            closeSecondsBefore(nowNanos / SECOND);
        }
    }

    void result(String resultJson) {
        publish("result", resultJson.replace('\n', ' '));
    }

    synchronized void end(RunState state, String verdict, String cause) {
        if (ended) {
            return;
        }
        if (second >= 0) {
            closeSecondsBefore(second + 1);
        }
        ObjectNode n = JSON.createObjectNode().put("state", state.name()).put("verdict", verdict).put("cause", cause);
        publish("end", n.toString());
        ended = true;
        watchers.clear();
    }

    private void closeSecondsBefore(long s) {
        while (second < s) {
            ObjectNode n = JSON.createObjectNode().put("second", second).put("ok", bucket[0]).put("fail", bucket[1])
                    .put("info", bucket[2]);
            publish("ops", n.toString());
            bucket[0] = 0;
            bucket[1] = 0;
            bucket[2] = 0;
            second++;
        }
    }

    private synchronized void publish(String name, String json) {
        if (ended) {
            return;
        }
        Event e = new Event(events.size() + 1L, name, json);
        events.add(e);
        for (Consumer<Event> w : List.copyOf(watchers)) {
            w.accept(e);
        }
    }

    private static String line(ProbeSample sample) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonlWriter<ProbeSample> w = JsonlCodec.PROBES.writer(out)) {
            w.write(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
