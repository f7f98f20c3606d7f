/**
 * The agent's probe feature: observations of the estate taken close to the target, streamed to the
 * orchestrator.
 *
 * <p>Data flow: a {@code ProbeStart} from the control channel reaches {@link io.firedrill.agent.probe.ProbeRunner},
 * which builds one {@code ScheduledProbe} per probe around the check of its type ({@code HttpCheck},
 * {@code TcpCheck}, {@code SqlCheck}, made in {@code ProbeChecks}) and answers with a {@code ProbeReport}. Each
 * scheduled probe makes one attempt per interval on absolute due times and turns it into a sample (start time
 * on the agent's clock, ok, latency, detail); a {@code SampleBatcher} per run sends the samples as numbered
 * {@code ProbeResults} batches every flush interval, holding them (bounded, drops counted) while the channel is
 * down. A run ends on {@code ProbeStop}, on agent stop, or after its maximum duration, and always sends its last
 * batch before its {@code stopped} report.
 */
package io.firedrill.agent.probe;
