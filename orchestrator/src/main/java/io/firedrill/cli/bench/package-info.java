/**
 * {@code firedrill bench}: Firedrill measuring itself against its published targets.
 *
 * <p>{@code firedrill bench proxy} ({@link io.firedrill.cli.bench.ProxyBenchCommand}) benchmarks the agent's
 * Toxiproxy-compatible proxy. Data flow: the command starts the {@link io.firedrill.cli.bench.LoopbackServers}
 * (echo, 64 KiB reply, and a {@link io.firedrill.cli.bench.Sink} that tells the client in memory when its last
 * byte arrived; blocking, a thread per connection) in its own process and the proxy under test as
 * a separate process ({@link io.firedrill.cli.bench.ProxyProcess}, {@code firedrill proxy}), then runs each
 * {@link io.firedrill.cli.bench.BenchSection} in turn. A section creates proxies and toxics through the
 * Toxiproxy Java client, drives the same load ({@link io.firedrill.cli.bench.LoadClient}, blocking sockets)
 * at a server directly and through the proxy, and records {@link io.firedrill.cli.bench.Figure}s and judged
 * targets in a {@link io.firedrill.cli.bench.SectionReport}. The {@link io.firedrill.cli.bench.BenchReport}
 * prints the table and writes JSON; the proxy process is killed at the end whatever happened.
 *
 * <p>Baselines are measured in the same run on the same machine, because absolute figures differ by an
 * order of magnitude between machines while the ratio to direct loopback is what the targets speak about.
 *
 * <p>Adding a section to the proxy bench is one class implementing {@code BenchSection}, listed in
 * {@code ProxyBenchCommand.SECTIONS}; it gets the proxy process, the servers, the plan and progress output from
 * the {@link io.firedrill.cli.bench.BenchContext}. A benchmark that needs a different set-up (an orchestrator
 * and an agent, as {@code firedrill bench faults} does) is a subcommand of {@code BenchCommand} instead.
 */
package io.firedrill.cli.bench;
