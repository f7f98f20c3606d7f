package io.firedrill.estate.router;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** A region's complete answer to one call. */
record Reply(int status, MultiMap headers, Buffer body) {

    /** The body as a JSON object, or {@code null} when it is not one. */
    JsonObject jsonOrNull() {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return new JsonObject(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** A short text for error messages: the JSON {@code error} field if there is one, else the body. */
    String summary() {
        JsonObject json = jsonOrNull();
        if (json != null && json.getValue("error") != null) {
            return String.valueOf(json.getValue("error"));
        }
        String text = body == null ? "" : body.toString().strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
