package io.firedrill.agent.proxy;

/**
 * A refused proxy operation, carrying the HTTP status and the message the Toxiproxy API gives for it
 * (such as 404 {@code proxy not found} or 409 {@code toxic already exists}).
 */
public final class ProxyException extends RuntimeException {
    private final int status;

    public ProxyException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProxyException badRequest(String message) {
        return new ProxyException(400, message);
    }

    public static ProxyException notFound(String message) {
        return new ProxyException(404, message);
    }

    public static ProxyException conflict(String message) {
        return new ProxyException(409, message);
    }
}
