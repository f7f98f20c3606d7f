package io.firedrill.estate.router;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What the router knows about one region from its health checks. Confined to the router's event loop.
 */
final class RegionState {

    /** What a health-check result changed. */
    enum Transition { NONE, UP, DOWN }

    private final RegionEndpoints endpoints;
    private final Target users;
    private final Target control;

    private boolean up = true;
    private int consecutiveFailures;
    private int consecutiveSuccesses;
    private long successfulChecks;
    private Instant lastCheck;
    private JsonObject lastHealth;
    private String lastError;
    private boolean checkInFlight;

    private long fencedAfterCheck = -1;
    private Future<Void> fenceInFlight;
    private boolean fenceFailing;

    RegionState(RegionEndpoints endpoints) {
        this.endpoints = endpoints;
        this.users = Target.parse(endpoints.usersUrl(), "usersUrl of region " + endpoints.name());
        this.control = Target.parse(endpoints.controlUrl(), "controlUrl of region " + endpoints.name());
    }

    String name() {
        return endpoints.name();
    }

    Target users() {
        return users;
    }

    Target control() {
        return control;
    }

    boolean up() {
        return up;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    String lastError() {
        return lastError;
    }

    /** Whether the most recent health check succeeded. */
    boolean lastCheckSucceeded() {
        return lastCheck != null && consecutiveFailures == 0;
    }

    /** The role in the last successful health answer, or {@code null}. */
    String reportedRole() {
        return lastHealth == null ? null : roleOf(lastHealth);
    }

    /** The epoch in the last successful health answer, or 0. */
    long reportedEpoch() {
        return lastHealth == null ? 0 : epochOf(lastHealth);
    }

    boolean checkInFlight() {
        return checkInFlight;
    }

    void checkStarted() {
        checkInFlight = true;
    }

    void checkFinished() {
        checkInFlight = false;
    }

    Transition recordSuccess(JsonObject health, Instant at) {
        consecutiveFailures = 0;
        consecutiveSuccesses++;
        successfulChecks++;
        lastCheck = at;
        lastHealth = health;
        lastError = null;
        if (!up) {
            up = true;
            return Transition.UP;
        }
        return Transition.NONE;
    }

    Transition recordFailure(String error, Instant at, int threshold) {
        consecutiveFailures++;
        consecutiveSuccesses = 0;
        lastCheck = at;
        lastError = error;
        if (up && consecutiveFailures >= threshold) {
            up = false;
            return Transition.DOWN;
        }
        return Transition.NONE;
    }

    /**
     * Whether the region, as of its latest check, says it is a primary of an epoch older than
     * {@code routerEpoch} and has not been fenced since that check: an old primary that must stop
     * taking writes.
     */
    boolean isStalePrimary(long routerEpoch) {
        return lastCheckSucceeded() && "primary".equals(reportedRole()) && reportedEpoch() < routerEpoch
                && successfulChecks > fencedAfterCheck;
    }

    void fenceSucceeded() {
        fencedAfterCheck = successfulChecks;
        fenceFailing = false;
    }

    /** Records a failed fence; true when it is the first of a run of failures (worth an event). */
    boolean fenceFailed() {
        boolean first = !fenceFailing;
        fenceFailing = true;
        return first;
    }

    Future<Void> fenceInFlight() {
        return fenceInFlight;
    }

    void fenceInFlight(Future<Void> fence) {
        this.fenceInFlight = fence;
    }

    JsonObject toJson(boolean active) {
        return new JsonObject()
                .put("name", name())
                .put("active", active)
                .put("up", up)
                .put("consecutiveFailures", consecutiveFailures)
                .put("consecutiveSuccesses", consecutiveSuccesses)
                .put("lastCheck", lastCheck == null ? null : RouterEvent.format(lastCheck))
                .put("health", lastHealth == null ? null : lastHealth.copy())
                .put("lastError", lastError)
                .put("usersUrl", endpoints.usersUrl())
                .put("controlUrl", endpoints.controlUrl());
    }

    /** The {@code role} of a health answer, or {@code null} when it has none. */
    static String roleOf(JsonObject health) {
        Object role = health.getValue("role");
        return role instanceof String text ? text : null;
    }

    static long epochOf(JsonObject health) {
        Object epoch = health.getValue("epoch");
        return epoch instanceof Number number ? number.longValue() : 0;
    }
}
