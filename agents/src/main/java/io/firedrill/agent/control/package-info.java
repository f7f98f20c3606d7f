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
 * <p>A frozen orchestrator ({@code kill -STOP}) or a half-open network path leaves the TCP connection up
 * without any frame on it, so the agent watches for silence itself: it notes the time
 * ({@link java.lang.System#nanoTime()}) of every frame the orchestrator sends, of any kind, and a watchdog
 * timer, running from the upgrade on, drops the connection once nothing has arrived for longer than
 * {@link io.firedrill.agent.AgentConfig#orchestratorSilenceLimit()} (default 20 s, {@code --silence-limit}):
 * it logs one WARN line ({@code no frame from the orchestrator at <uri> for <n> ms; reconnecting}), sends a
 * close frame (1001) without waiting for the dead peer's answer, ignores that connection from then on, and
 * dials again through the same backoff. The orchestrator speaks unprompted only with its periodic
 * {@code time-sync-request} (every 5 s by default), whose interval {@code welcome} reports in
 * {@code syncIntervalMillis}; the agent logs a WARN at welcome when its limit is not above twice that.
 *
 * <p>All of it runs on one Vert.x event-loop context; nothing here blocks.
 */
package io.firedrill.agent.control;
