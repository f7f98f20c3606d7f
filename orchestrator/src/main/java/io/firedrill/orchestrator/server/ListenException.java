package io.firedrill.orchestrator.server;

import java.io.IOException;
import java.net.BindException;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP API could not listen on its address. The message is one line, such as
 * {@code cannot listen on 127.0.0.1:8080: address already in use}; the bind failure stays attached as the cause.
 */
public class ListenException extends RuntimeException {
    private final String host;
    private final int port;
    private final boolean addressInUse;

    /**
     * The bind failure in {@code failure}'s causes, if there is one: a {@link BindException} from NIO, or the
     * native transport's {@code bind(..) failed with error(-98): Address already in use}.
     */
    public static Optional<ListenException> of(String host, int port, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().startsWith("bind(..) failed"))) {
                return Optional.of(new ListenException(host, port, (IOException) t));
            }
        }
        return Optional.empty();
    }

    public ListenException(String host, int port, IOException cause) {
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

    /** The OS's wording ("Address already in use"), lower-cased to read as part of a sentence. */
    private static String reason(IOException cause) {
        String text = cause.getMessage() == null ? "bind failed" : cause.getMessage().strip();
        int colon = text.lastIndexOf(": ");
        if (text.startsWith("bind(..) failed") && colon > 0) {
            text = text.substring(colon + 2); // the native transport's "bind(..) failed with error(-98): "
        }
        return text.isEmpty() ? "bind failed" : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
