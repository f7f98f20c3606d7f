package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's control plane: decides automatic failover, runs operator failover, fences stale
 * primaries, and provides the promote / fence / resync steps failback is built from.
 *
 * <p>Only one failover or failback runs at a time; background fencing never overlaps one (an operation
 * first waits for a fence already in flight).
 */
final class Coordinator {
    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);
    private static final String ROUTER = HealthChecker.ROUTER_ACTOR;

    private final Vertx vertx;
    private final RouterState state;
    private final Upstream upstream;
    private final EventLog events;
    private HealthChecker health;

    Coordinator(Vertx vertx, RouterState state, Upstream upstream, EventLog events) {
        this.vertx = vertx;
        this.state = state;
        this.upstream = upstream;
        this.events = events;
    }

    void health(HealthChecker checker) {
        this.health = checker;
    }

    /** Reconsiders failover and fencing after a health-check result or a settings change. */
    void reconcile() {
        if (state.stopped()) {
            return;
        }
        considerFailover();
        considerFencing();
    }

    /**
     * Operator failover ({@code POST /failover}): promotes {@code to} (default: the other region) under
     * either policy. Fails with a 409 when the target is unknown, down or already the working primary,
     * or when another operation runs; with a 502 when the promotion call fails.
     */
    Future<JsonObject> operatorFailover(String to, String actor, String reason) {
        RegionState active = state.activeRegion();
        RegionState target = to == null ? state.otherThan(active) : state.region(to);
        if (target == null) {
            return Future.failedFuture(ApiError.conflict("field 'to': region '" + to
                    + "' is unknown; regions are " + regionNames()));
        }
        if (target == active && (target.reportedRole() == null || "primary".equals(target.reportedRole()))) {
            return Future.failedFuture(ApiError.conflict(target.name() + " is already active (primary at epoch "
                    + state.epoch() + ")"));
        }
        if (!target.up()) {
            return Future.failedFuture(ApiError.conflict(target.name() + " is down ("
                    + target.consecutiveFailures() + " consecutive failed health checks; last error: "
                    + target.lastError() + "); it cannot be promoted"));
        }
        return exclusive("failover to " + target.name(), () -> {
            state.pendingFailover(null);
            events.append(EventType.FAILOVER_DECIDED, target.name(), state.epoch(), actor,
                    "operator failover from " + active.name() + " to " + target.name()
                            + (reason == null || reason.isBlank() ? "" : ": " + reason));
            return promote(target, state.nextEpoch(), actor).recover(error -> Future.failedFuture(
                    new ApiError(502, "promotion of " + target.name() + " failed: " + CallFailure.describe(error))));
        }).map(done -> state.toJson());
    }

    /**
     * Failback ({@code POST /failback}): resyncs the non-active region from the active one and, with
     * {@code switchBack}, moves the primary back to it. Fails with a 409 when the non-active region does
     * not answer a health check now (operators call this right after restoring a region, before the next
     * scheduled check) or another operation runs.
     */
    Future<JsonObject> failback(boolean switchBack, String actor) {
        if (state.operation() != null) {
            return Future.failedFuture(ApiError.conflict("another operation is in progress: " + state.operation()));
        }
        RegionState active = state.activeRegion();
        RegionState returning = state.otherThan(active);
        return health.checkNow(returning)
                .recover(error -> Future.failedFuture(ApiError.conflict(returning.name()
                        + " is not reachable on its control link (" + CallFailure.describe(error)
                        + "); failback needs it")))
                .compose(reachable -> {
                    if (state.activeRegion() != active) {
                        return Future.failedFuture(ApiError.conflict("the active region changed to "
                                + state.active() + " while checking " + returning.name() + "; try again"));
                    }
                    return exclusive("failback to " + returning.name(),
                            () -> new Failback(this, state, events, active, returning, switchBack, actor).run());
                });
    }

    /**
     * Runs {@code body} as the one operation in progress. Fails with a 409 when another one runs.
     */
    <T> Future<T> exclusive(String name, Supplier<Future<T>> body) {
        if (state.operation() != null) {
            return Future.failedFuture(ApiError.conflict("another operation is in progress: " + state.operation()));
        }
        state.operation(name);
        return fencesSettled().compose(settled -> body.get()).andThen(done -> state.operation(null));
    }

    /**
     * Asks {@code target} to become primary at {@code newEpoch}; on success routes to it and records
     * {@code promotion-done}, else records {@code promotion-failed}.
     */
    Future<Void> promote(RegionState target, long newEpoch, String actor) {
        String previous = state.active();
        return upstream.postJson(target.control(), "/admin/promote", new JsonObject().put("epoch", newEpoch),
                        state.config().adminTimeout())
                .onSuccess(reply -> {
                    state.activate(target.name(), newEpoch);
                    state.pendingFailover(null);
                    events.append(EventType.PROMOTION_DONE, target.name(), newEpoch, actor,
                            target.name() + " accepts writes at epoch " + newEpoch + positionText(reply)
                                    + (previous.equals(target.name()) ? "" : "; traffic moved from " + previous));
                })
                .onFailure(error -> events.append(EventType.PROMOTION_FAILED, target.name(), state.epoch(), actor,
                        "promoting " + target.name() + " to epoch " + newEpoch + " failed: "
                                + CallFailure.describe(error)))
                .mapEmpty();
    }

    /** Asks {@code region} to stop taking writes at {@code epoch}; the reply carries its final position. */
    Future<JsonObject> fence(RegionState region, long epoch, String actor, String why) {
        return upstream.postJson(region.control(), "/admin/fence", new JsonObject().put("epoch", epoch),
                        state.config().adminTimeout())
                .onSuccess(reply -> {
                    state.observeEpoch(epoch);
                    region.fenceSucceeded();
                    events.append(EventType.FENCED, region.name(), state.epoch(), actor,
                            why + "; fenced at epoch " + epoch + positionText(reply));
                });
    }

    /** Makes {@code region} a replica of {@code source} at {@code epoch}, discarding its divergent data. */
    Future<Void> resync(RegionState region, RegionState source, long epoch, String actor) {
        JsonObject body = new JsonObject().put("source", source.name()).put("epoch", epoch);
        return upstream.postJson(region.control(), "/admin/resync", body, state.config().resyncTimeout())
                .onSuccess(reply -> events.append(EventType.RESYNC_DONE, region.name(), state.epoch(), actor,
                        region.name() + " is a replica of " + source.name() + " at epoch " + epoch))
                .mapEmpty();
    }

    /** A fresh health answer from {@code region}, outside the periodic schedule. */
    Future<JsonObject> fetchHealth(RegionState region) {
        return health.fetch(region);
    }

    /**
     * Polls {@code condition} every {@code period} until it yields true; fails with a TIMEOUT
     * {@link CallFailure} naming {@code what} and the last observation after {@code timeout}.
     */
    Future<Void> pollUntil(String what, Supplier<Future<Boolean>> condition, Supplier<String> lastObservation,
            Duration period, Duration timeout) {
        Promise<Void> done = Promise.promise();
        long deadline = System.nanoTime() + timeout.toNanos();
        poll(what, condition, lastObservation, period, timeout, deadline, done);
        return done.future();
    }

    private void poll(String what, Supplier<Future<Boolean>> condition, Supplier<String> lastObservation,
            Duration period, Duration timeout, long deadline, Promise<Void> done) {
        condition.get().onComplete(outcome -> {
            if (outcome.succeeded() && outcome.result()) {
                done.complete();
            } else if (state.stopped()) {
                done.fail(CallFailure.timeout(what + ": the router stopped"));
            } else if (System.nanoTime() - deadline >= 0) {
                done.fail(CallFailure.timeout(what + " did not happen within " + timeout.toMillis() + " ms; last seen: "
                        + (outcome.failed() ? CallFailure.describe(outcome.cause()) : lastObservation.get())));
            } else {
                vertx.setTimer(period.toMillis(),
                        id -> poll(what, condition, lastObservation, period, timeout, deadline, done));
            }
        });
    }

    private void considerFailover() {
        if (state.operation() != null) {
            return;
        }
        RegionState active = state.activeRegion();
        RegionState other = state.otherThan(active);
        if (state.pendingFailover() != null && active.up()) {
            state.pendingFailover(null);
            events.append(EventType.FAILOVER_ABANDONED, other.name(), state.epoch(), ROUTER,
                    active.name() + " is up again before " + other.name() + " could be promoted; traffic stays on "
                            + active.name());
            return;
        }
        if (state.policy() != FailoverPolicy.AUTOMATIC || active.up() || !other.lastCheckSucceeded()) {
            return;
        }
        exclusive("automatic failover to " + other.name(), () -> {
            if (state.pendingFailover() == null) {
                String reason = active.name() + " failed " + active.consecutiveFailures()
                        + " consecutive health checks at " + state.healthInterval().toMillis() + " ms";
                state.pendingFailover(reason);
                events.append(EventType.FAILOVER_DECIDED, other.name(), state.epoch(), ROUTER,
                        "failover from " + active.name() + " to " + other.name() + ": " + reason
                                + " (last error: " + active.lastError() + ")");
            }
            return promote(other, state.nextEpoch(), ROUTER);
        }).onFailure(error -> LOG.debug("automatic failover to {} not done yet: {}", other.name(),
                CallFailure.describe(error)));
    }

    private void considerFencing() {
        if (!state.fencing() || state.operation() != null) {
            return;
        }
        for (RegionState region : state.regions()) {
            if (!region.name().equals(state.active()) && region.fenceInFlight() == null
                    && region.isStalePrimary(state.epoch())) {
                fenceStalePrimary(region);
            }
        }
    }

    private void fenceStalePrimary(RegionState region) {
        long epoch = state.epoch();
        String why = region.name() + " reports role primary at epoch " + region.reportedEpoch()
                + " while the router is at epoch " + epoch + " with " + state.active() + " active";
        Future<Void> fence = fence(region, epoch, ROUTER, why)
                .onFailure(error -> {
                    if (region.fenceFailed()) {
                        events.append(EventType.FENCE_FAILED, region.name(), state.epoch(), ROUTER,
                                "fencing " + region.name() + " at epoch " + epoch + " failed: "
                                        + CallFailure.describe(error) + " (retried after each health check)");
                    }
                })
                .mapEmpty();
        region.fenceInFlight(fence);
        fence.onComplete(done -> region.fenceInFlight(null));
    }

    private Future<Void> fencesSettled() {
        List<Future<Void>> inFlight = new ArrayList<>();
        for (RegionState region : state.regions()) {
            if (region.fenceInFlight() != null) {
                inFlight.add(region.fenceInFlight());
            }
        }
        if (inFlight.isEmpty()) {
            return Future.succeededFuture();
        }
        return Future.join(inFlight).transform(settled -> Future.succeededFuture());
    }

    private String regionNames() {
        List<String> names = new ArrayList<>();
        state.regions().forEach(region -> names.add(region.name()));
        return String.join(", ", names);
    }

    static String positionText(JsonObject reply) {
        Object position = reply.getValue("position");
        return position == null ? "" : " (position " + position + ")";
    }
}
