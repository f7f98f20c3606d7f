package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One run of {@code POST /failback}: after a failover, bring the old region back as a replica of the
 * active one and, when asked, move the primary back to it with a planned switchover that loses no
 * acknowledged write (writes pause between fencing the old primary and promoting the new one).
 *
 * <p>Each step is recorded as an event. When a step fails the run stops, records {@code
 * failback-failed} naming the step, and routes to whichever region now says it is primary, never to a
 * fenced one.
 */
final class Failback {
    private static final Duration POLL_PERIOD = Duration.ofMillis(100);

    private final Coordinator coordinator;
    private final RouterState state;
    private final EventLog events;
    private final RegionState primary;
    private final RegionState returning;
    private final boolean switchBack;
    private final String actor;
    private String lastSeen = "no health answer yet";

    Failback(Coordinator coordinator, RouterState state, EventLog events, RegionState primary,
            RegionState returning, boolean switchBack, String actor) {
        this.coordinator = coordinator;
        this.state = state;
        this.events = events;
        this.primary = primary;
        this.returning = returning;
        this.switchBack = switchBack;
        this.actor = actor;
    }

    /** Runs every step; completes with the router status, or fails with an {@link ApiError} (502/504). */
    Future<JsonObject> run() {
        events.append(EventType.FAILBACK_STARTED, returning.name(), state.epoch(), actor, "resync "
                + returning.name() + " from " + primary.name() + (switchBack
                        ? ", then switch the primary back to " + returning.name()
                        : " as its replica; " + primary.name() + " stays active"));
        return step("resync " + returning.name(),
                        () -> coordinator.resync(returning, primary, state.epoch(), actor))
                .compose(resynced -> switchBack ? switchBack() : Future.<Void>succeededFuture())
                .transform(outcome -> outcome.succeeded() ? finished() : failed(outcome.cause()));
    }

    private Future<Void> switchBack() {
        return step("catch-up", this::waitForCatchUp)
                .compose(caughtUp -> switchover())
                .compose(switched -> step("resync " + primary.name(),
                        () -> coordinator.resync(primary, returning, state.epoch(), actor)));
    }

    /** Fence the primary, let its last changes arrive, promote the returning region. Writes get 503 meanwhile. */
    private Future<Void> switchover() {
        long newEpoch = state.nextEpoch();
        state.switchover(true);
        return step("fence " + primary.name(), () -> coordinator.fence(primary, newEpoch, actor,
                        "planned switchover to " + returning.name() + ": " + primary.name() + " stops taking writes"))
                .compose(fenced -> step("drain", () -> waitForPosition(fenced)))
                .compose(drained -> step("promote " + returning.name(),
                        () -> coordinator.promote(returning, newEpoch, actor)))
                .andThen(done -> state.switchover(false));
    }

    private Future<Void> waitForCatchUp() {
        return coordinator.pollUntil(returning.name() + " catching up with " + primary.name(), this::caughtUp,
                        () -> lastSeen, POLL_PERIOD, state.config().catchUpTimeout())
                .onSuccess(done -> events.append(EventType.CAUGHT_UP, returning.name(), state.epoch(), actor,
                        lastSeen));
    }

    private Future<Boolean> caughtUp() {
        return coordinator.fetchHealth(primary).compose(primaryHealth -> coordinator.fetchHealth(returning)
                .map(returningHealth -> {
                    long target = position(primaryHealth);
                    long reached = position(returningHealth);
                    Object lag = replication(returningHealth).getValue("lag");
                    lastSeen = returning.name() + " at position " + reached + " with lag " + lag + ", "
                            + primary.name() + " at position " + target;
                    return target >= 0 && reached >= target && lag instanceof Number n && n.longValue() == 0;
                }));
    }

    private Future<Void> waitForPosition(JsonObject fenceReply) {
        if (!(fenceReply.getValue("position") instanceof Number finalPosition)) {
            return Future.failedFuture(CallFailure.rejected(200,
                    "the fence answer of " + primary.name() + " has no numeric 'position': " + fenceReply.encode()));
        }
        long target = finalPosition.longValue();
        return coordinator.pollUntil(returning.name() + " reaching " + primary.name() + "'s final position " + target,
                () -> coordinator.fetchHealth(returning).map(health -> {
                    long reached = position(health);
                    lastSeen = returning.name() + " at position " + reached;
                    return reached >= target;
                }), () -> lastSeen, POLL_PERIOD, state.config().catchUpTimeout());
    }

    private Future<JsonObject> finished() {
        String detail = switchBack
                ? state.active() + " is primary at epoch " + state.epoch() + "; " + primary.name() + " is its replica"
                : returning.name() + " is a replica of " + primary.name() + "; " + primary.name() + " stays active";
        events.append(EventType.FAILBACK_DONE, state.active(), state.epoch(), actor, detail);
        return Future.succeededFuture(state.toJson());
    }

    private Future<JsonObject> failed(Throwable cause) {
        state.switchover(false);
        String step = cause instanceof StepFailure stepFailure ? stepFailure.step : "failback";
        Throwable error = cause instanceof StepFailure ? cause.getCause() : cause;
        int status = error instanceof CallFailure call && call.kind() == CallFailure.Kind.TIMEOUT ? 504 : 502;
        String message = "failback failed at step '" + step + "': " + CallFailure.describe(error);
        return settleRouting().compose(routing -> {
            events.append(EventType.FAILBACK_FAILED, returning.name(), state.epoch(), actor, message + "; " + routing);
            return Future.failedFuture(new ApiError(status, message + "; " + routing).with("step", step));
        });
    }

    /** Routes to the region that says it is primary (highest epoch); without one, to a region not fenced. */
    private Future<String> settleRouting() {
        Future<JsonObject> primaryHealth = coordinator.fetchHealth(primary).otherwise((JsonObject) null);
        Future<JsonObject> returningHealth = coordinator.fetchHealth(returning).otherwise((JsonObject) null);
        return Future.all(primaryHealth, returningHealth)
                .map(both -> chooseRoute(primaryHealth.result(), returningHealth.result()));
    }

    private String chooseRoute(JsonObject primaryHealth, JsonObject returningHealth) {
        RegionState chosen = null;
        long chosenEpoch = -1;
        if (isPrimary(primaryHealth)) {
            chosen = primary;
            chosenEpoch = RegionState.epochOf(primaryHealth);
        }
        if (isPrimary(returningHealth) && RegionState.epochOf(returningHealth) > chosenEpoch) {
            chosen = returning;
            chosenEpoch = RegionState.epochOf(returningHealth);
        }
        if (chosen != null) {
            moveTo(chosen, Math.max(state.epoch(), chosenEpoch), "it reports role primary at epoch " + chosenEpoch);
            return "routing to " + chosen.name() + " (primary at epoch " + chosenEpoch + ")";
        }
        RegionState active = state.activeRegion();
        JsonObject activeHealth = active == primary ? primaryHealth : returningHealth;
        RegionState other = state.otherThan(active);
        JsonObject otherHealth = other == primary ? primaryHealth : returningHealth;
        if (isFenced(activeHealth) && otherHealth != null && !isFenced(otherHealth)) {
            moveTo(other, state.epoch(), "no region is primary and " + active.name() + " is fenced");
        }
        return "no region reports role primary; routing to " + state.active()
                + "; writes fail until POST /failover promotes a region";
    }

    private void moveTo(RegionState region, long epoch, String why) {
        if (!region.name().equals(state.active())) {
            String previous = state.active();
            state.activate(region.name(), epoch);
            events.append(EventType.ACTIVE_CHANGED, region.name(), state.epoch(), actor,
                    "traffic moved from " + previous + " to " + region.name() + ": " + why);
        } else if (epoch > state.epoch()) {
            state.activate(region.name(), epoch);
        }
    }

    private <T> Future<T> step(String name, Supplier<Future<T>> action) {
        return action.get().recover(error -> Future.failedFuture(new StepFailure(name, error)));
    }

    private static boolean isPrimary(JsonObject health) {
        return health != null && "primary".equals(RegionState.roleOf(health));
    }

    private static boolean isFenced(JsonObject health) {
        return health != null && "fenced".equals(RegionState.roleOf(health));
    }

    private static JsonObject replication(JsonObject health) {
        Object replication = health.getValue("replication");
        return replication instanceof JsonObject json ? json : new JsonObject();
    }

    /** The replication position a health answer reports, or -1 when it has none. */
    private static long position(JsonObject health) {
        Object position = replication(health).getValue("position");
        return position instanceof Number number ? number.longValue() : -1;
    }

    /** A failed step, named for the error answer and the event. */
    private static final class StepFailure extends RuntimeException {
        private final String step;

        StepFailure(String step, Throwable cause) {
            super(step + ": " + CallFailure.describe(cause), cause, false, false);
            this.step = step;
        }
    }
}
