package io.firedrill.orchestrator.api;

/**
 * An error the API reports to its caller: the HTTP status and a message that names the field,
 * the bad value and what was expected. Handlers fail their routing context with it; one failure
 * handler turns it into {@code {"error": message, "status": status}}.
 */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
