package io.firedrill.agent.proxy.api;

import io.firedrill.agent.proxy.ProxyException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs asynchronous steps one after another, in the order they were submitted. A step that throws fails its
 * own future only; one that never finishes is failed after {@link #STEP_TIMEOUT_MS} so the queue moves on.
 */
final class SerialSteps {
    static final long STEP_TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private Future<?> tail = Future.succeededFuture();

    SerialSteps(Vertx vertx) {
        this.vertx = vertx;
    }

    <T> Future<T> run(Supplier<Future<T>> step) {
        Promise<T> result = Promise.promise();
        Future<?> previous;
        synchronized (this) {
            previous = tail;
            tail = result.future();
        }
        previous.onComplete(ignored -> start(step, result));
        return result.future();
    }

    private <T> void start(Supplier<Future<T>> step, Promise<T> result) {
        Future<T> running;
        try {
            running = step.get();
        } catch (RuntimeException e) {
            result.fail(e);
            return;
        }
        long timer = vertx.setTimer(STEP_TIMEOUT_MS, id -> result.tryFail(
                new ProxyException(500, "proxy operation did not finish within " + STEP_TIMEOUT_MS / 1000 + " s")));
        running.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                result.tryComplete(ar.result());
            } else {
                result.tryFail(ar.cause());
            }
        });
    }

    /** The failure as the API reports it: a {@link ProxyException} keeps its status, anything else is a 500. */
    static ProxyException asProxyException(Throwable failure) {
        if (failure instanceof ProxyException p) {
            return p;
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new ProxyException(500, message);
    }
}
