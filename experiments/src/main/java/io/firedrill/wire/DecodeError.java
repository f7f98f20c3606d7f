package io.firedrill.wire;

/**
 * Why a frame could not be decoded.
 *
 * @param code    what kind of problem
 * @param message for a human: names the field, the bad value and what was expected
 * @param id      the frame's id when it could be read, else null
 */
public record DecodeError(Code code, String message, String id) implements Decoded {

    /** The kinds of decode failure; {@link #wireName()} goes into {@link ProtocolError#code()}. */
    public enum Code {
        NOT_JSON("not-json"),
        UNSUPPORTED_VERSION("unsupported-version"),
        UNKNOWN_TYPE("unknown-type"),
        MISSING_FIELD("missing-field"),
        BAD_FIELD("bad-field");

        private final String wireName;

        Code(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** The reply to send back to the peer that sent the bad frame. */
    public ProtocolError toReply() {
        return new ProtocolError(code.wireName(), message, id);
    }
}
