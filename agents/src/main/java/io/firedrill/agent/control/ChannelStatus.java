package io.firedrill.agent.control;

import java.time.Instant;

/**
 * A snapshot of the control channel, for the CLI and tests.
 *
 * @param state        where the channel is
 * @param failures     failed attempts since the last successful welcome
 * @param lastFailure  the last failure as logged, or null
 * @param welcomedAt   when the orchestrator last welcomed this agent (agent clock), or null
 * @param connections  how many times this agent has been welcomed since start
 */
public record ChannelStatus(State state, int failures, String lastFailure, Instant welcomedAt, int connections) {

    /** Where the channel is in its life. */
    public enum State {
        /** Not started yet. */
        NEW,
        /** Dialling, or connected and waiting for welcome. */
        CONNECTING,
        /** Welcomed; heartbeats flowing. */
        CONNECTED,
        /** Waiting before the next attempt. */
        BACKING_OFF,
        /** Stopped for good. */
        STOPPED
    }
}
