/**
 * The Toxiproxy-compatible HTTP API over the agent's proxies, so Toxiproxy's own clients drive them unchanged.
 *
 * <p>{@link io.firedrill.agent.proxy.api.ToxiproxyServer} holds the one route table. A request first passes a
 * guard (request id header, browsers refused with 403) and a body reader that takes the body as JSON whatever
 * its Content-Type; then a handler in {@code ProxyRoutes} or {@code ToxicRoutes} decodes it
 * ({@code ProxyBodies}, {@code ToxicBodies}: shape and types, in Toxiproxy's order of checks) and asks the
 * {@link io.firedrill.agent.proxy.api.ProxyRegistry}, which owns the proxies by name and runs every change
 * through one serial queue ({@code SerialSteps}); {@code PortHandover} lets a proxy rebind at once an address
 * the registry has just released. Results are rendered by {@code ApiJson}; every failure is a
 * {@link io.firedrill.agent.proxy.ProxyException} carrying its status, turned into {@code {"error","status"}}
 * in one place ({@code Replies}). {@code /metrics} renders the proxies' byte counters as Prometheus text.
 *
 * <p>Where Toxiproxy misbehaves on bad input (a populate with a repeated name answers 500, an unknown route
 * answers plain text) this API answers a JSON 400 or 404 and keeps serving.
 */
package io.firedrill.agent.proxy.api;
