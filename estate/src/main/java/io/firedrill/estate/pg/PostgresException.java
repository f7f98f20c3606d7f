package io.firedrill.estate.pg;

/** A PostgreSQL cluster could not be found, initialised, started, queried or stopped. */
public class PostgresException extends RuntimeException {
    public PostgresException(String message) {
        super(message);
    }

    public PostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
