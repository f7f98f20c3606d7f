package io.firedrill.wire;

/** What {@link WireCodec#decode} returns: a message, or why the frame was rejected. Never an exception. */
public sealed interface Decoded permits Envelope, DecodeError {}
