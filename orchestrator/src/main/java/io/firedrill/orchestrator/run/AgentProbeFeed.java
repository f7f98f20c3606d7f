package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.model.Probe;
import io.firedrill.orchestrator.measure.ProbeSample;
import io.firedrill.orchestrator.probe.ProbeService;
import io.firedrill.orchestrator.probe.ProbeSession;
import io.firedrill.orchestrator.probe.ProbeTargets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The steady-state probes of a run, taken by the agents of their regions through {@link ProbeService}; each sample
 * is put on the run's timeline (the service already mapped it onto the orchestrator's clock).
 */
public final class AgentProbeFeed implements ProbeFeed {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MAX_DURATION = Duration.ofHours(2);

    private final ProbeService service;
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    private record Listener(RunClock clock, Map<String, Probe> probes, Consumer<ProbeSample> samples) {}

    public AgentProbeFeed(ProbeService service) {
        this.service = service;
        service.onSample(this::deliver);
    }

    @Override
    public AutoCloseable start(String runId, Experiment experiment, RunClock clock, Consumer<ProbeSample> samples) {
        if (experiment.steadyState().isEmpty()) {
            return () -> { };
        }
        Map<String, Probe> byName = new ConcurrentHashMap<>();
        experiment.steadyState().forEach(p -> byName.put(p.name(), p));
        listeners.put(runId, new Listener(clock, byName, samples));
        ProbeSession session;
        try {
            session = service.start(runId, new ProbeTargets(experiment.estate()).byRegion(experiment.steadyState()),
                    MAX_DURATION).toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            listeners.remove(runId);
            throw new RunAbort("preflight: the probes could not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            listeners.remove(runId);
            throw new RunAbort("preflight: the agents did not start the probes within " + START_TIMEOUT.toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            listeners.remove(runId);
            Thread.currentThread().interrupt();
            throw new RunAbort("interrupted while starting the probes");
        }
        return () -> {
            try {
                session.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } finally {
                listeners.remove(runId);
            }
        };
    }

    private void deliver(io.firedrill.orchestrator.probe.ProbeSample s) {
        Listener l = listeners.get(s.runId());
        if (l == null) {
            return;
        }
        Probe probe = l.probes().get(s.probe());
        long nanos = l.clock().fromNanoTime(s.monoNanos());
        l.samples().accept(new ProbeSample(s.probe(), s.region(), probe == null ? "?" : probe.target(), nanos,
                s.at(), s.ok(), Math.max(0, s.latencyMicros()), s.boundMicros().orElse(0), s.detail()));
    }
}
