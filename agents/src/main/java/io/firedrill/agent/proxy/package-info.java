/**
 * The agent's Toxiproxy-compatible TCP proxy: the data plane that the HTTP API in {@code proxy.api} drives.
 *
 * <p>A {@link io.firedrill.agent.proxy.Proxy} listens through {@code Acceptors}: a few Vert.x servers on
 * different event loops sharing one port, so connections spread over the loops. For each accepted socket a
 * {@code Connection} is created on that socket's event loop, pauses the client and dials the upstream from the
 * same loop (so the accept path never waits and both sockets of a connection share a thread). Once the upstream
 * answers, two {@code Link}s run: upstream (client to server) and downstream (server to client).
 *
 * <p>Each link owns a {@code Chain} of the toxics of its stream, in insertion order. A toxic
 * ({@code Toxic}, one class per type, listed in {@code Toxics}) validates its attributes and makes a
 * {@code Stage} per link, after a toxicity roll with the proxy's random generator says it applies. Data flows
 *
 * <pre>
 *   source socket -> Link.onMessage -> stage 1 -> ... -> stage n -> Link (tail) -> destination socket
 * </pre>
 *
 * and the end of the stream travels the same way behind the data, so a latency toxic delays the close with
 * the bytes before it and a slow_close toxic holds just the close. A link with no applicable stage skips the
 * chain: Netty's buffer goes straight to the other socket. Back-pressure pauses the source while the
 * destination's write queue is full or the stages hold more than 256 KiB.
 *
 * <p>The API calls {@code Proxy} from its own thread; toxic changes are recorded under the proxy's lock and
 * dispatched to each connection's event loop, where the chain is rewired between chunks: removing a toxic hands
 * on what its stage held before anything newer, so no byte is lost or reordered.
 *
 * <p>The Vert.x internals used ({@code NetSocketInternal} for raw buffers and SO_LINGER, the shared-server
 * table, event-loop contexts) are those of Vert.x 5.0; they are confined to {@code Link}, {@code Connection}
 * and {@code Acceptors}.
 */
package io.firedrill.agent.proxy;
