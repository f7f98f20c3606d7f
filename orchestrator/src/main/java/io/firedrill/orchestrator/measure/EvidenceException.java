package io.firedrill.orchestrator.measure;

/**
 * Evidence that cannot be judged as it is: a malformed line in a run file, or a history that breaks Jepsen's
 * rules (a completion without its invoke, a process invoking after its {@code info}). The message says where
 * (file and line, or history index) and what was expected, because the fix is in whatever produced the file.
 * A checker that meets one throws it, and its verdicts become UNKNOWN with this message as the reason.
 */
public final class EvidenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvidenceException(String message) {
        super(message);
    }

    public EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
