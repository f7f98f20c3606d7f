package io.firedrill.agent.probe;

import io.vertx.core.Future;

/**
 * One kind of probe attempt (http, tcp, sql) against one probe's target. The schedule, the timeout and the
 * sample belong to {@link ScheduledProbe}; a check only says whether one attempt met the probe's expectation.
 */
interface ProbeCheck {

    /** Work before the first attempt that may fail the whole start (a JDBC driver that is not there). */
    default Future<Void> prepare() {
        return Future.succeededFuture();
    }

    /**
     * Starts one attempt, called on the runner's event loop; never more than one at a time per check.
     *
     * @param abandoned completes when nobody waits for this attempt any more (it timed out, or the probe
     *                  stopped): the check then lets go of what the attempt holds (resets the request, closes
     *                  the socket, aborts the JDBC connection) so that the attempt ends promptly
     * @return succeeds with a short detail ({@code 200}) when the expectation holds; fails with the reason
     */
    Future<String> attempt(Future<Void> abandoned);

    /** Lets go of what the check keeps between attempts. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
