package io.firedrill.orchestrator.agents;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.Callable;

/**
 * Runs work on one Vert.x context, so services that talk to agents (faults, probes) keep their state on a single
 * thread without locks, whichever thread calls them.
 */
public final class OnContext {
    private OnContext() {}

    /** {@code work} on {@code context}; its result or its exception completes the future. */
    public static <T> Future<T> call(Context context, Callable<T> work) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> {
            try {
                done.complete(work.call());
            } catch (Exception e) {
                done.fail(e);
            }
        });
        return done.future();
    }
}
