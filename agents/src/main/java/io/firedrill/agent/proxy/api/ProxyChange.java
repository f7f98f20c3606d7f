package io.firedrill.agent.proxy.api;

/**
 * A partial update of a proxy: a null field keeps the proxy's current value.
 *
 * @param listen a new address to bind; a change restarts the proxy (its connections drop)
 * @param upstream a new address to dial; a change restarts the proxy too
 * @param enabled true to bind (toxics kept), false to close the listener and every connection
 */
public record ProxyChange(String listen, String upstream, Boolean enabled) {}
