package io.firedrill.orchestrator.store;

import java.sql.SQLException;

/**
 * The database could not be opened or migrated. The message is one line that names the URL
 * (never the password) and the cause; the full chain stays attached for debug logging.
 */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "cannot {@code action} database URL: cause" from the most telling exception in the chain. */
    static DatabaseException of(String action, DbConfig config, Throwable error) {
        return new DatabaseException("cannot " + action + " database " + config.display() + ": " + rootCause(error), error);
    }

    /**
     * The deepest SQLException says what the database or driver saw (refused, bad password, locked
     * file); below it, a network cause such as UnknownHostException adds the detail it lacks.
     * Wrappers above it (pool, bean factory, Flyway) only add lines.
     */
    static String rootCause(Throwable error) {
        Throwable chosen = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                chosen = t;
            } else if (!(chosen instanceof SQLException)) {
                chosen = t;
            }
        }
        String message = oneLine(chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage());
        Throwable below = chosen.getCause();
        if (below != null && below != chosen && below.getMessage() != null && !message.contains(below.getMessage())) {
            message += " (" + below.getClass().getSimpleName() + ": " + oneLine(below.getMessage()) + ")";
        }
        return message;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
