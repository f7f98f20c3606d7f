package io.firedrill.orchestrator.probe;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * One probe attempt as the orchestrator measures with it: the agent's stamp mapped onto the orchestrator's
 * timeline, with how far that mapping can be off.
 *
 * @param runId           the run whose probe it is
 * @param probe           the probe's name
 * @param region          the region whose agent took it
 * @param at              when the attempt started, on the orchestrator's UTC clock
 * @param monoNanos       the same moment on the orchestrator's {@link System#nanoTime()} base, for timelines kept in
 *                        monotonic time (a run clock's {@code fromNanoTime})
 * @param ok              whether the attempt met the probe's expectation within its timeout
 * @param latencyMicros   how long the attempt took, on the agent's monotonic clock (no offset involved)
 * @param boundMicros     {@code at} is within this many microseconds of the truth: the error bound of the agent's
 *                        clock-offset estimate; empty when the agent's clock was not measured when the sample arrived
 *                        (then {@code at} rests on the last offset known, or on the agent's clock as it is, and a
 *                        figure built on it cannot be bounded)
 * @param detail          the status, or why the attempt failed
 * @param agentTimeMicros the agent's own stamp, kept as evidence
 */
public record ProbeSample(
        String runId,
        String probe,
        String region,
        Instant at,
        long monoNanos,
        boolean ok,
        long latencyMicros,
        OptionalLong boundMicros,
        String detail,
        long agentTimeMicros) {}
