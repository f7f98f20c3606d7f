package io.firedrill.wire;

/**
 * Either direction: the peer sent something this side could not accept. Sending one does not close the
 * connection (unless the error is fatal to the session, such as a Hello for the wrong region).
 *
 * <p>Named {@code ProtocolError} rather than {@code Error} so it never shadows {@link java.lang.Error};
 * on the wire its type is {@code error}.
 *
 * @param code      a stable, machine-readable code, e.g. {@code unknown-type}, {@code missing-field}
 * @param message   what was wrong, naming the field and value
 * @param inReplyTo the id of the offending frame, null when it could not be read
 */
public record ProtocolError(String code, String message, String inReplyTo) implements Message {

    public ProtocolError {
        Fields.require(code, "code");
        Fields.require(message, "message");
    }
}
