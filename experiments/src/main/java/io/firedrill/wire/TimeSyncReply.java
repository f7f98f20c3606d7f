package io.firedrill.wire;

/**
 * Agent &rarr; orchestrator, sent at once on a {@link TimeSyncRequest}. The orchestrator adds t4 (its clock on
 * receipt) and computes offset = ((t2 &minus; t1) + (t3 &minus; t4)) / 2 with error bound
 * ((t4 &minus; t1) &minus; (t3 &minus; t2)) / 2.
 *
 * @param seq      echoed from the request
 * @param t1Micros echoed from the request
 * @param t2Micros agent clock when the request arrived
 * @param t3Micros agent clock when this reply was sent
 */
public record TimeSyncReply(long seq, long t1Micros, long t2Micros, long t3Micros) implements Message {}
