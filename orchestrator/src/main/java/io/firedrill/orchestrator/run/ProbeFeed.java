package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.orchestrator.measure.ProbeSample;
import java.util.function.Consumer;

/** Runs an experiment's steady-state probes on the agents of their regions and delivers every sample. */
public interface ProbeFeed {

    /**
     * Starts every probe of {@code experiment}; returns once each agent has them running. Samples arrive, already
     * on the run's timeline, through {@code samples} until the returned handle is closed.
     *
     * @throws RunAbort when a probe cannot be started (an agent offline or without probes)
     */
    AutoCloseable start(String runId, Experiment experiment, RunClock clock, Consumer<ProbeSample> samples);
}
