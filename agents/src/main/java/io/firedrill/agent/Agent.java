package io.firedrill.agent;

import io.firedrill.agent.control.ChannelStatus;
import io.firedrill.agent.control.ControlChannel;
import io.firedrill.wire.Welcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A regional agent: owns its features and starts and stops them together. The caller owns the
 * {@link Vertx} instance and closes it after {@link #stop()}.
 */
public final class Agent {
    private final AgentConfig config;
    private final ControlChannel control;

    /** @param clock the agent's clock; every time it reports comes from it */
    public Agent(Vertx vertx, AgentConfig config, Clock clock) {
        this(vertx, config, clock, new SecureRandom());
    }

    public Agent(Vertx vertx, AgentConfig config, Clock clock, Random random) {
        this.config = config;
        this.control = new ControlChannel(vertx, config, clock, random);
    }

    public AgentConfig config() {
        return config;
    }

    /** Called each time the orchestrator welcomes the agent, on first connect and after every reconnect. */
    public Agent onWelcome(Consumer<Welcome> listener) {
        control.onWelcome(listener);
        return this;
    }

    /** Starts connecting; completes at once, the connection comes (and comes back) in the background. */
    public Future<Void> start() {
        return control.start();
    }

    /** Disconnects cleanly and stops retrying. */
    public Future<Void> stop() {
        return control.stop();
    }

    public ChannelStatus status() {
        return control.status();
    }
}
