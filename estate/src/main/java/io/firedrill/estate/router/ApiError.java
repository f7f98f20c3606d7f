package io.firedrill.estate.router;

import io.vertx.core.json.JsonObject;

/**
 * A failure that becomes the router's own HTTP answer: {@code {"error", "status"}} plus optional fields
 * (e.g. the failback step that failed). The message names the field, value or region and what was
 * expected, because the people reading it are in the middle of an incident drill.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final JsonObject extra = new JsonObject();

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError conflict(String message) {
        return new ApiError(409, message);
    }

    ApiError with(String field, Object value) {
        extra.put(field, value);
        return this;
    }

    int status() {
        return status;
    }

    JsonObject toJson() {
        return new JsonObject().put("error", getMessage()).put("status", status).mergeIn(extra);
    }
}
