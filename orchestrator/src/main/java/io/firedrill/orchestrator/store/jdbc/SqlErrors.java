package io.firedrill.orchestrator.store.jdbc;

import java.sql.SQLException;
import java.util.function.Supplier;

/** Recognises constraint violations behind Micronaut Data's exceptions, by SQLSTATE (same on H2 and PostgreSQL). */
final class SqlErrors {

    /** SQLSTATE of a unique or primary-key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs an insert-or-update transaction, once more if a concurrent writer inserted the same key
     * between our existence check and our insert: the second try sees that row and updates it.
     */
    static <T> T retryOnUniqueViolation(Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return write.get();
        }
    }
}
