package io.firedrill.orchestrator.probe;

/**
 * Probes that could not be started, with the HTTP status the failure maps to: 409 when an agent is offline or
 * cannot run probes (nothing was started), 502 when an agent refused, 504 when one did not answer (in both the
 * probes that did start were stopped again), 400 for a request that names nothing to probe.
 */
public final class ProbeException extends RuntimeException {
    private final int status;

    public ProbeException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
