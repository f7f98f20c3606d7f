package io.firedrill.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@link Message}s into JSON text frames and back. Thread-safe; share one instance.
 *
 * <p>Decoding never throws: a bad frame yields a {@link DecodeError} whose message names the problem, so
 * that the receiver can answer with a {@link ProtocolError} and keep the connection. Every field of a
 * message is present in every frame (an absent optional value is written as {@code null}); unknown fields
 * are ignored so that a newer peer may add some without a version bump.
 */
public final class WireCodec {
    /** The protocol version this build speaks. */
    public static final int VERSION = 1;
    private static final Set<String> ENVELOPE = Set.of("v", "type", "id");

    private final MessageTypes types;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    public WireCodec() {
        this(MessageTypes.standard());
    }

    public WireCodec(MessageTypes types) {
        this.types = types;
    }

    public MessageTypes types() {
        return types;
    }

    /** One JSON text frame: the envelope ({@code v}, {@code type}, {@code id}) followed by the message's fields. */
    public String encode(String id, Message message) {
        ObjectNode frame = mapper.createObjectNode();
        frame.put("v", VERSION);
        frame.put("type", types.nameOf(message));
        frame.put("id", id);
        frame.setAll((ObjectNode) mapper.valueToTree(message));
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; reaching this is a bug in this class.
            throw new IllegalStateException("cannot encode " + message, e);
        }
    }

    /** The frame's message, or a {@link DecodeError} saying why it was rejected. */
    public Decoded decode(String text) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return error(DecodeError.Code.NOT_JSON, "frame is not JSON: " + e.getOriginalMessage(), null);
        }
        if (root == null || root.isMissingNode()) {
            return error(DecodeError.Code.NOT_JSON, "frame is empty", null);
        }
        if (!root.isObject()) {
            return error(DecodeError.Code.NOT_JSON, "frame is not a JSON object: " + PayloadCheck.abbreviate(text), null);
        }
        String id = root.path("id").isTextual() ? root.get("id").asText() : null;
        Optional<DecodeError> envelopeError = checkEnvelope(root, id);
        if (envelopeError.isPresent()) {
            return envelopeError.get();
        }
        String type = root.get("type").asText();
        Class<? extends Message> target = types.typeOf(type).orElse(null);
        if (target == null) {
            return error(DecodeError.Code.UNKNOWN_TYPE, "unknown message type '" + type + "'; known types: "
                    + String.join(", ", types.names()), id);
        }
        return readPayload((ObjectNode) root, type, id, target);
    }

    private Optional<DecodeError> checkEnvelope(JsonNode root, String id) {
        JsonNode v = root.get("v");
        if (v == null || v.isNull()) {
            return Optional.of(error(DecodeError.Code.MISSING_FIELD, "missing field 'v' (protocol version)", id));
        }
        if (!v.isInt()) {
            return Optional.of(error(DecodeError.Code.BAD_FIELD,
                    "field 'v' must be an integer protocol version, was " + v, id));
        }
        if (v.intValue() != VERSION) {
            return Optional.of(error(DecodeError.Code.UNSUPPORTED_VERSION, "protocol version " + v.intValue()
                    + " is not supported; this side speaks version " + VERSION, id));
        }
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            return Optional.of(error(DecodeError.Code.MISSING_FIELD, "missing field 'type'; known types: "
                    + String.join(", ", types.names()), id));
        }
        if (!type.isTextual()) {
            return Optional.of(error(DecodeError.Code.BAD_FIELD, "field 'type' must be a string, was " + type, id));
        }
        if (!root.hasNonNull("id")) {
            return Optional.of(error(DecodeError.Code.MISSING_FIELD, "missing field 'id' (message id)", null));
        }
        if (id == null || id.isEmpty()) {
            return Optional.of(error(DecodeError.Code.BAD_FIELD,
                    "field 'id' must be a non-empty string, was " + root.get("id"), null));
        }
        return Optional.empty();
    }

    private Decoded readPayload(ObjectNode root, String type, String id, Class<? extends Message> target) {
        ObjectNode payload = root.deepCopy();
        payload.remove(ENVELOPE);
        Optional<DecodeError> bad = PayloadCheck.check(target, payload, type, id);
        if (bad.isPresent()) {
            return bad.get();
        }
        try {
            return new Envelope(VERSION, type, id, mapper.treeToValue(payload, target));
        } catch (ValueInstantiationException e) {
            // A record's own rule, such as a non-empty region.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return error(DecodeError.Code.BAD_FIELD, "bad '" + type + "' message: " + cause.getMessage(), id);
        } catch (JsonProcessingException e) {
            return error(DecodeError.Code.BAD_FIELD, "bad '" + type + "' message: " + e.getOriginalMessage(), id);
        }
    }

    private static DecodeError error(DecodeError.Code code, String message, String id) {
        return new DecodeError(code, message, id);
    }
}
