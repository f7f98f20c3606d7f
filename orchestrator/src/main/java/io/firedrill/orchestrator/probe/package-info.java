/**
 * Probes on the orchestrator's side: what the run engine uses to observe the estate during a run.
 *
 * <p>Data flow: {@link io.firedrill.orchestrator.probe.ProbeTargets} resolves an experiment's
 * {@code Probe}s against the estate into wire {@code ProbeSpec}s, grouped by the region whose agent runs them;
 * {@link io.firedrill.orchestrator.probe.ProbeService#start} sends one {@code ProbeStart} per agent through the
 * agent hub and answers with a {@link io.firedrill.orchestrator.probe.ProbeSession} once every agent has started
 * (or stops those that had, and fails). The agents stream {@code ProbeResults}; the service maps each sample's
 * agent time onto the orchestrator's clock with the hub's clock-offset estimate ({@code SampleMapper}) and hands
 * it, as a {@link io.firedrill.orchestrator.probe.ProbeSample} with its error bound, to the listeners of
 * {@link io.firedrill.orchestrator.probe.ProbeService#onSample}. {@link io.firedrill.orchestrator.probe.ProbeSession#stop}
 * ends the run's probes; agents end them by themselves after the session's maximum duration.
 */
package io.firedrill.orchestrator.probe;
