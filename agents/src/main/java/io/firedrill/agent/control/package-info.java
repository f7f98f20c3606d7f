/**
 * The agent's end of the control channel to the orchestrator.
 *
 * <p>{@link io.firedrill.agent.control.ControlChannel} dials out over a WebSocket to
 * {@code <orchestrator>/api/v1/agents/connect}, authenticating with two request headers:
 * {@code Authorization: Bearer <token>} and {@code X-Firedrill-Region: <region>} (headers rather than query
 * parameters so the token never lands in access logs or proxy URLs). It then sends {@code hello}; after
 * {@code welcome} it sends a {@code heartbeat} every interval and answers each {@code time-sync-request}
 * at once with its receive and send times (t2, t3) from its {@link java.time.Clock}.
 *
 * <p>When the connection is refused or drops, it retries after a {@link io.firedrill.agent.control.Backoff}
 * delay (exponential, jittered, capped). A 401 is retried too, because an operator may fix the token
 * without restarting the agent; each failed attempt logs one WARN line with its cause.
 *
 * <p>All of it runs on one Vert.x event-loop context; nothing here blocks.
 */
package io.firedrill.agent.control;
