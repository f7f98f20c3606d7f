/**
 * The agent &harr; orchestrator wire protocol: versioned JSON text frames over a WebSocket.
 *
 * <p>Every frame is one JSON object with an envelope &mdash; {@code v} (protocol version, now
 * {@value io.firedrill.wire.WireCodec#VERSION}), {@code type} (the message kind), {@code id} (unique per
 * sender) &mdash; and the message's own fields beside them, flat:
 * <pre>{"v":1,"type":"heartbeat","id":"a-7","seq":7,"agentTimeMicros":1732670000123456}</pre>
 *
 * <p>Data flow: a sender builds a {@link io.firedrill.wire.Message} record and hands it with an id to
 * {@link io.firedrill.wire.WireCodec#encode}; the receiver gets a {@link io.firedrill.wire.Decoded} back from
 * {@link io.firedrill.wire.WireCodec#decode} &mdash; either an {@link io.firedrill.wire.Envelope} or a
 * {@link io.firedrill.wire.DecodeError} it answers with a {@link io.firedrill.wire.ProtocolError} frame.
 *
 * <p>Adding a message kind: write its record, add it to {@code Message}'s {@code permits} clause and
 * register its wire name in {@link io.firedrill.wire.MessageTypes#standard()} (a test fails if you forget).
 */
package io.firedrill.wire;
