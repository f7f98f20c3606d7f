/**
 * The agent's fault feature. Commands from the orchestrator ({@code FaultApply}, {@code FaultRevert},
 * {@code LeaseRenew}) arrive from the control channel into {@link io.firedrill.agent.fault.FaultKeeper},
 * which runs them one at a time on a worker: link actions go through {@code LinkDriver} (Toxiproxy's Java
 * client against the built-in proxy server or an external Toxiproxy), host actions through
 * {@code HostDriver} (only the processes and commands in {@link io.firedrill.agent.fault.HostTargets}).
 * Each held fault has a lease timer and a line in the {@code FaultJournal}; every outcome goes back as a
 * {@code FaultReport} stamped with the agent's clock. {@link io.firedrill.agent.fault.Faults} wires it
 * together and owns the start (clean slate) and stop (revert all) order.
 */
package io.firedrill.agent.fault;
