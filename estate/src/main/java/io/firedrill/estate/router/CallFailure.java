package io.firedrill.estate.router;

import java.util.Locale;

/**
 * Why a call to a region did not produce a usable answer. The kind decides the status the router gives
 * its own caller: nobody answering is a 502, an answer that did not come in time is a 504.
 */
final class CallFailure extends RuntimeException {

    enum Kind {
        /** No connection, or the connection broke before a full answer. */
        UNREACHABLE,
        /** No full answer within the deadline. */
        TIMEOUT,
        /** The region answered, but not with what the call needed (status or body). */
        REJECTED
    }

    private final Kind kind;
    private final int status;

    private CallFailure(Kind kind, int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.status = status;
    }

    static CallFailure timeout(long millis) {
        return new CallFailure(Kind.TIMEOUT, 0, "no answer within " + millis + " ms", null);
    }

    static CallFailure timeout(String message) {
        return new CallFailure(Kind.TIMEOUT, 0, message, null);
    }

    static CallFailure rejected(int status, String message) {
        return new CallFailure(Kind.REJECTED, status, message, null);
    }

    /** Classifies a client-side failure: timeouts as such, everything else as unreachable. */
    static CallFailure of(Throwable cause, long millis) {
        if (cause instanceof CallFailure failure) {
            return failure;
        }
        String text = describe(cause);
        if (isTimeout(cause)) {
            return new CallFailure(Kind.TIMEOUT, 0, "no answer within " + millis + " ms (" + text + ")", cause);
        }
        return new CallFailure(Kind.UNREACHABLE, 0, text, cause);
    }

    /** The HTTP status the router answers with when this failure ends a request: 504 or 502. */
    int gatewayStatus() {
        return kind == Kind.TIMEOUT ? 504 : 502;
    }

    Kind kind() {
        return kind;
    }

    /** The region's status for {@link Kind#REJECTED}, else 0. */
    int status() {
        return status;
    }

    /** A message for any throwable, never null: class name when it has no message. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (name.contains("timeout") || message.contains("timed out") || message.contains("timeout")) {
                return true;
            }
        }
        return false;
    }
}
