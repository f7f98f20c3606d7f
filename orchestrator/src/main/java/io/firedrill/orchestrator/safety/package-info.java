/**
 * Safety: what stops faults regardless of who applied them. {@link io.firedrill.orchestrator.safety.HaltService}
 * is the global HALT: it records the halt in the database (so every orchestrator on it sees it), aborts every run in
 * flight, sends every online agent a {@code halt} command (each reverts what it holds and sweeps its links) and waits
 * for their reports; while the halt is in force its {@link io.firedrill.orchestrator.safety.Gate} refuses new runs
 * and faults, and an agent that comes online is halted too. An agent that cannot be reached reverts on its own when
 * its leases run out.
 */
package io.firedrill.orchestrator.safety;
