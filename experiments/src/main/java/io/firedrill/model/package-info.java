/**
 * The experiment and estate model: immutable records that the loader builds from YAML or JSON
 * and that the orchestrator, agents and reports read.
 *
 * <p>Two YAML documents exist: an {@link io.firedrill.model.Estate} (the system under test: regions,
 * services, data stores, the links that faults act on) and an {@link io.firedrill.model.Experiment}
 * (an estate plus steady-state probes, timed fault {@link io.firedrill.model.Step steps}, a workload,
 * objectives, stop conditions and rollback). Both implement {@link io.firedrill.model.Document}, as
 * does a {@link io.firedrill.model.Runbook} (the steps people take when an experiment's fault happens for
 * real, written as Markdown with YAML front matter; {@link io.firedrill.model.RunbookMarkdown} writes one
 * back).
 *
 * <p>Data flows one way: text → {@code io.firedrill.model.load.ModelLoader} (all validation and
 * cross-reference checks happen there, so a record that exists is consistent) → these records →
 * {@link io.firedrill.model.ModelJson} when the API renders one. Records only guard against
 * programming errors (nulls, mismatched fault and target); user mistakes are reported by the loader
 * with file, line and column.
 *
 * <p>Values are typed: {@link java.time.Duration} (text syntax in {@link io.firedrill.model.Durations}),
 * {@link io.firedrill.model.HostPort}, {@link io.firedrill.model.ByteSize},
 * {@link io.firedrill.model.ByteRate}, and enums that carry their format name ({@link io.firedrill.model.WireName}).
 */
package io.firedrill.model;
