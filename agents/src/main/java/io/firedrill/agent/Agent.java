package io.firedrill.agent;

import io.firedrill.agent.control.ChannelStatus;
import io.firedrill.agent.control.ControlChannel;
import io.firedrill.agent.fault.FaultSettings;
import io.firedrill.agent.fault.Faults;
import io.firedrill.agent.probe.ProbeRunner;
import io.firedrill.agent.probe.ProbeSettings;
import io.firedrill.wire.FaultInventory;
import io.firedrill.wire.Message;
import io.firedrill.wire.ProbeStart;
import io.firedrill.wire.ProbeStop;
import io.firedrill.wire.Welcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A regional agent: owns its features and starts and stops them together. The caller owns the
 * {@link Vertx} instance and closes it after {@link #stop()}.
 */
public final class Agent {
    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    private final AgentConfig config;
    private final ControlChannel control;
    private final Faults faults;
    private final ProbeRunner probes;

    /** @param clock the agent's clock; every time it reports comes from it */
    public Agent(Vertx vertx, AgentConfig config, Clock clock) {
        this(vertx, config, clock, new SecureRandom());
    }

    public Agent(Vertx vertx, AgentConfig config, Clock clock, Random random) {
        this(vertx, config, clock, random, Optional.empty());
    }

    /**
     * @param faults how to carry out faults; empty for an agent that only keeps the control channel. An agent
     *               with faults also runs probes: both act on the estate, and an agent that only keeps the
     *               channel stays the minimal one the hub tests use
     */
    public Agent(Vertx vertx, AgentConfig config, Clock clock, Random random, Optional<FaultSettings> faults) {
        this.config = faults.isPresent() ? config.withCapabilities(capabilities(config, faults.get())) : config;
        this.control = new ControlChannel(vertx, this.config, clock, random);
        this.faults = faults.map(f -> new Faults(vertx, f, clock, config.region())).orElse(null);
        this.probes = faults.isPresent() ? new ProbeRunner(vertx, clock, config.region(), ProbeSettings.defaults(),
                control::send, () -> control.status().state() == ChannelStatus.State.CONNECTED) : null;
        if (this.faults != null) {
            control.onCommand(this::dispatch);
            // After every (re)connection the orchestrator learns what this agent holds, so it can revert what it
            // does not know instead of leaving it to the leases.
            control.onWelcome(w -> this.faults.heldIds().onSuccess(ids -> control.send(new FaultInventory(ids))));
        }
    }

    /** Probe commands to the probe runner, the rest (faults, leases) to the fault feature. */
    private void dispatch(Message command) {
        if (command instanceof ProbeStart || command instanceof ProbeStop) {
            probes.handle(command);
        } else {
            faults.handle(command);
        }
    }

    private static List<String> capabilities(AgentConfig config, FaultSettings settings) {
        List<String> all = new ArrayList<>(config.capabilities());
        all.addAll(Faults.CAPABILITIES);
        all.addAll(ProbeRunner.CAPABILITIES);
        settings.hostTargets().processes().keySet().forEach(p -> all.add("process-kill:" + p));
        settings.hostTargets().commands().keySet().forEach(c -> all.add("command:" + c));
        return all;
    }

    public AgentConfig config() {
        return config;
    }

    /** Called each time the orchestrator welcomes the agent, on first connect and after every reconnect. */
    public Agent onWelcome(Consumer<Welcome> listener) {
        control.onWelcome(listener);
        return this;
    }

    /**
     * Starts the fault feature (proxy server, clean slate, links), then connecting; the connection comes (and
     * comes back) in the background.
     */
    public Future<Void> start() {
        if (faults == null) {
            return control.start();
        }
        return faults.start(control::send).compose(v -> control.start());
    }

    /**
     * Stops its probes (their last samples and stopped reports go out while still connected), reverts every
     * fault it holds, then disconnects cleanly and stops retrying.
     */
    public Future<Void> stop() {
        if (faults == null) {
            return control.stop();
        }
        return probes.stop("agent stopping").transform(p -> faults.stop("agent stopping")).transform(ar -> {
            if (ar.failed()) {
                log.error("region {}: reverting faults on stop failed: {}", config.region(), ar.cause().toString());
            }
            return control.stop();
        });
    }

    /** The probe feature, when the agent has one. */
    public Optional<ProbeRunner> probes() {
        return Optional.ofNullable(probes);
    }

    /** The fault feature, when the agent has one. */
    public Optional<Faults> faults() {
        return Optional.ofNullable(faults);
    }

    public ChannelStatus status() {
        return control.status();
    }
}
