package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Checks every region's {@code GET /health} through its control link once per interval and marks
 * regions down after {@code failureThreshold} consecutive failures and up again on the first success.
 * At most one check per region is outstanding, so a slow link cannot pile checks up. After each result
 * the coordinator reconsiders failover and fencing.
 */
final class HealthChecker {
    static final String ROUTER_ACTOR = "router";

    private final Vertx vertx;
    private final RouterState state;
    private final Upstream upstream;
    private final EventLog events;
    private final Coordinator coordinator;
    private long timerId = -1;

    HealthChecker(Vertx vertx, RouterState state, Upstream upstream, EventLog events, Coordinator coordinator) {
        this.vertx = vertx;
        this.state = state;
        this.upstream = upstream;
        this.events = events;
        this.coordinator = coordinator;
    }

    /** Starts checking now and then every interval; restarts the schedule when called again. */
    void start() {
        stop();
        timerId = vertx.setPeriodic(0, state.healthInterval().toMillis(), id -> tick());
    }

    void stop() {
        if (timerId != -1) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void tick() {
        if (state.stopped()) {
            return;
        }
        state.dnsCache().purgeExpired(System.nanoTime());
        for (RegionState region : state.regions()) {
            if (!region.checkInFlight()) {
                check(region);
            }
        }
    }

    private void check(RegionState region) {
        region.checkStarted();
        fetch(region).onComplete(outcome -> {
            region.checkFinished();
            if (state.stopped()) {
                return;
            }
            Instant now = state.clock().instant();
            if (outcome.succeeded()) {
                onSuccess(region, outcome.result(), now);
            } else {
                onFailure(region, CallFailure.describe(outcome.cause()), now);
            }
            coordinator.reconcile();
        });
    }

    /**
     * An extra health check of {@code region} now, outside the schedule; a success counts like a scheduled
     * one (a region marked down is marked up). Failures are not counted, so extra checks never hasten a
     * region-down.
     */
    Future<JsonObject> checkNow(RegionState region) {
        return fetch(region).onSuccess(health -> {
            if (!state.stopped()) {
                onSuccess(region, health, state.clock().instant());
            }
        });
    }

    /** One health check of {@code region}: succeeds with the body of a 200 JSON answer. */
    Future<JsonObject> fetch(RegionState region) {
        return upstream.call(HttpMethod.GET, region.control(), "/health", null, null, state.healthTimeout())
                .compose(reply -> {
                    JsonObject body = reply.jsonOrNull();
                    if (reply.status() == 200 && body != null) {
                        return Future.succeededFuture(body);
                    }
                    String why = reply.status() == 200 ? "HTTP 200 without a JSON object body"
                            : "HTTP " + reply.status() + (reply.summary().isEmpty() ? "" : ": " + reply.summary());
                    return Future.failedFuture(CallFailure.rejected(reply.status(), why));
                });
    }

    private void onSuccess(RegionState region, JsonObject health, Instant now) {
        state.observeEpoch(RegionState.epochOf(health));
        if (region.recordSuccess(health, now) == RegionState.Transition.UP) {
            events.append(EventType.REGION_UP, region.name(), state.epoch(), ROUTER_ACTOR,
                    region.name() + " answered its health check again (role " + region.reportedRole()
                            + ", epoch " + region.reportedEpoch() + ")");
        }
    }

    private void onFailure(RegionState region, String error, Instant now) {
        int threshold = state.failureThreshold();
        if (region.recordFailure(error, now, threshold) == RegionState.Transition.DOWN) {
            events.append(EventType.REGION_DOWN, region.name(), state.epoch(), ROUTER_ACTOR,
                    region.name() + " failed " + region.consecutiveFailures() + " consecutive health checks at "
                            + state.healthInterval().toMillis() + " ms; last error: " + error);
        }
    }
}
