package io.firedrill.wire;

/**
 * A decoded frame.
 *
 * @param v       the protocol version it was written in
 * @param type    its wire name
 * @param id      the sender's id for it; replies quote it in {@link ProtocolError#inReplyTo()}
 * @param message the payload
 */
public record Envelope(int v, String type, String id, Message message) implements Decoded {}
