package io.firedrill.orchestrator.server;

import java.net.BindException;
import java.util.Locale;

/**
 * The HTTP API could not listen on its address. The message is one line, such as
 * {@code cannot listen on 127.0.0.1:8080: address already in use}; the bind failure stays attached as the cause.
 */
public class ListenException extends RuntimeException {
    private final String host;
    private final int port;
    private final boolean addressInUse;

    public ListenException(String host, int port, BindException cause) {
        super("cannot listen on " + host + ":" + port + ": " + reason(cause), cause);
        this.host = host;
        this.port = port;
        this.addressInUse = reason(cause).equals("address already in use");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True when another process (or another orchestrator) already listens on that port. */
    public boolean addressInUse() {
        return addressInUse;
    }

    /** The JDK's wording ("Address already in use"), lower-cased to read as part of a sentence. */
    private static String reason(BindException cause) {
        String text = cause.getMessage() == null ? "bind failed" : cause.getMessage().strip();
        return text.isEmpty() ? "bind failed" : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
