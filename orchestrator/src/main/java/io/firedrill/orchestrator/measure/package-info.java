/**
 * Measurement: the run's evidence in, verdicts on RTO, RPO and data integrity out, every figure with its error
 * bound (measurement.md). Pure Java, no I/O except the run files; nothing here observes the estate.
 *
 * <p><b>Evidence</b> ({@link io.firedrill.orchestrator.measure.RunEvidence}) is on one timeline: orchestrator
 * monotonic nanoseconds since the run's start plus UTC wall time. It holds the workload's history of
 * {@link io.firedrill.orchestrator.measure.Op}s (Jepsen's invoke / ok / fail / info, with nemesis entries),
 * {@link io.firedrill.orchestrator.measure.ProbeSample}s, the estate's
 * {@link io.firedrill.orchestrator.measure.EstateEvent}s, {@link io.firedrill.orchestrator.measure.FaultMark}s,
 * the {@link io.firedrill.orchestrator.measure.FinalRead}, the objectives, the front-door probes and the clock
 * quality. Streams that can be large (history, probes, final read) are
 * {@link io.firedrill.orchestrator.measure.Replayable}: a list in memory, or a JSONL file read line by line
 * ({@link io.firedrill.orchestrator.measure.JsonlCodec}).
 *
 * <p><b>Data flow.</b> {@link io.firedrill.orchestrator.measure.Judgement#judge} makes a {@code CheckContext}
 * that resolves T0 and scans the history once ({@code HistoryScan}: pairs completions with invokes, enforces
 * Jepsen's rules, keeps the writes in the columnar {@code Writes} table and the acknowledged reads). Four
 * checkers then run over it: {@code TimelineChecker} (marks T0-T6 by the rules in {@code Marks} and
 * {@code SteadyState}, segments, events), {@code LossChecker} (streams the final read: lost, recovered,
 * unexpected, duplicated, the RPO window), {@code StaleReadChecker} and {@code SplitBrainChecker}. A checker that
 * throws becomes an {@code Outcome} with its message. {@code Verdicts} turns the outcomes into
 * {@link io.firedrill.orchestrator.measure.ObjectiveVerdict}s — RTO, RPO, per data store, integrity — and the
 * {@link io.firedrill.orchestrator.measure.RunResult} carries them with every report.
 *
 * <p><b>Files.</b> {@link io.firedrill.orchestrator.measure.RunFiles} writes and reads a run's directory:
 * {@code history.jsonl}, {@code probes.jsonl}, {@code final-read.jsonl}, {@code evidence.json} (the evidence),
 * {@code result.json} and {@code timeline.json} (the judgement). The evidence files alone give the same
 * judgement again ({@link io.firedrill.orchestrator.measure.Judgement#recompute}). Field by field, with units:
 * {@code docs/artifacts.md}.
 */
package io.firedrill.orchestrator.measure;
