/**
 * The orchestrator's side of the agent control channel (the wire protocol is {@code io.firedrill.wire}).
 *
 * <p>Data flow: an agent dials {@code GET /api/v1/agents/connect} with {@code Authorization: Bearer <token>}
 * and {@code X-Firedrill-Region}. {@link io.firedrill.orchestrator.agents.AgentHub} checks the token against
 * the region's enrollment on a worker thread <em>before</em> upgrading (a refusal is a plain HTTP 401), then
 * hands the socket to an {@code AgentSession}. On {@code hello} the session answers {@code welcome} and the
 * {@code AgentRegistry} makes it the region's one online agent (replacing an older connection); the session
 * then runs time-sync exchanges (a burst of five, then one every few seconds) whose best recent sample gives
 * the agent's {@link io.firedrill.orchestrator.agents.ClockOffset} and its error bound. Heartbeats refresh the
 * session in memory; a periodic sweep marks an agent OFFLINE after three missed intervals and closes it; a
 * closed socket marks it OFFLINE too. State changes are written to the {@code AgentStore} off the event loop
 * by the {@code AgentPersister}, coalesced per region.
 *
 * <p>Enrollment: {@code /api/v1/enrollments} issues, lists and revokes tokens;
 * {@link io.firedrill.orchestrator.agents.EnrollmentBootstrap} writes token files at server start.
 */
package io.firedrill.orchestrator.agents;
