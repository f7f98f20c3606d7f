package io.firedrill.wire;

/**
 * Orchestrator &rarr; agent: the first leg of an NTP-style four-timestamp exchange.
 *
 * @param seq       the orchestrator's sequence number for this exchange
 * @param t1Micros  orchestrator clock when the request was sent
 */
public record TimeSyncRequest(long seq, long t1Micros) implements Message {}
