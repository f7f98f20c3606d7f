/**
 * Faults on the orchestrator's side. {@link io.firedrill.orchestrator.fault.FaultCompiler} turns a fault
 * target into a {@link io.firedrill.orchestrator.fault.FaultPlan} (link and host actions per region's agent)
 * from the estate alone; {@link io.firedrill.orchestrator.fault.FaultService} sends the plan through the
 * agent hub, waits for every agent's report, undoes a partial apply, renews leases, reverts on duration,
 * by hand and at shutdown, and keeps each fault's state and timestamps for the faults API and, later, the
 * run engine.
 */
package io.firedrill.orchestrator.fault;
