package io.firedrill.orchestrator.probe;

import io.firedrill.wire.ProbeSpec;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's probes across the agents that run them, from the moment every agent said {@code started}. Its
 * samples reach the listeners given to {@link ProbeService#onSample}. {@link #stop()} ends it; the agents also
 * end it on their own after its maximum duration, which {@link #view()} then shows.
 *
 * <p>The service changes it on its event loop; the synchronized methods let any thread read a snapshot.
 */
public final class ProbeSession {
    enum State { STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private final ProbeService service;
    private final String runId;
    private final Map<String, List<ProbeSpec>> probes;
    private final long maxDurationMillis;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private State state = State.STARTING;
    private Future<Void> stopping;

    ProbeSession(ProbeService service, String runId, Map<String, List<ProbeSpec>> probes, long maxDurationMillis) {
        this.service = service;
        this.runId = runId;
        Map<String, List<ProbeSpec>> copy = new LinkedHashMap<>();
        probes.forEach((region, specs) -> copy.put(region, List.copyOf(specs)));
        this.probes = Collections.unmodifiableMap(copy);
        this.maxDurationMillis = maxDurationMillis;
        this.probes.keySet().forEach(region -> parts.put(region, new Part(region)));
    }

    public String runId() {
        return runId;
    }

    /** What runs where: region to the probes its agent runs. */
    public Map<String, List<ProbeSpec>> probes() {
        return probes;
    }

    /**
     * Stops the probes on every agent; completes once each has confirmed (its last samples have then been
     * delivered) or has not answered in time (its probes end with the maximum duration). Never fails;
     * idempotent.
     */
    public Future<Void> stop() {
        return service.stop(this);
    }

    public synchronized ProbeSessionView view() {
        List<ProbeSessionView.Part> views = new ArrayList<>();
        parts.values().forEach(p -> views.add(new ProbeSessionView.Part(p.region,
                probes.get(p.region).stream().map(ProbeSpec::name).toList(), p.state, p.detail, p.startedAt,
                p.stoppedAt, p.samples, p.droppedSamples, p.missingBatches)));
        return new ProbeSessionView(runId, state.name().toLowerCase(), maxDurationMillis, views);
    }

    long maxDurationMillis() {
        return maxDurationMillis;
    }

    synchronized State state() {
        return state;
    }

    synchronized void state(State newState) {
        state = newState;
    }

    /** The stop under way, or null; the service's event loop only. */
    Future<Void> stopping() {
        return stopping;
    }

    void stopping(Future<Void> stop) {
        stopping = stop;
    }

    synchronized List<String> regionsIn(String partState) {
        return parts.values().stream().filter(p -> p.state.equals(partState)).map(p -> p.region).toList();
    }

    synchronized boolean allIn(String partState) {
        return parts.values().stream().allMatch(p -> p.state.equals(partState));
    }

    /** Every part that is not in {@code partState}, as {@code region r: detail}. */
    synchronized String problems(String partState) {
        return String.join("; ", parts.values().stream().filter(p -> !p.state.equals(partState))
                .map(p -> "region " + p.region + ": " + p.detail).toList());
    }

    synchronized void part(String region, String partState, String detail, Instant at) {
        Part p = parts.get(region);
        if (p == null) {
            return;
        }
        p.state = partState;
        p.detail = detail;
        if (at != null && partState.equals("started")) {
            p.startedAt = at;
        } else if (at != null && partState.equals("stopped")) {
            p.stoppedAt = at;
        }
    }

    synchronized String partState(String region) {
        Part p = parts.get(region);
        return p == null ? null : p.state;
    }

    /** Counts a batch; returns how many batches went missing before it. */
    synchronized long received(String region, long seq, long samples, long dropped) {
        Part p = parts.get(region);
        if (p == null) {
            return 0;
        }
        long missing = seq > p.lastSeq + 1 ? seq - p.lastSeq - 1 : 0;
        p.lastSeq = seq;
        p.samples += samples;
        p.droppedSamples += dropped;
        p.missingBatches += missing;
        return missing;
    }

    private static final class Part {
        final String region;
        String state = "starting";
        String detail = "";
        Instant startedAt;
        Instant stoppedAt;
        long lastSeq;
        long samples;
        long droppedSamples;
        long missingBatches;

        Part(String region) {
            this.region = region;
        }
    }
}
