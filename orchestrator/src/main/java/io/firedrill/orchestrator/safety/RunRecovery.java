package io.firedrill.orchestrator.safety;

import io.firedrill.orchestrator.run.RunState;
import io.firedrill.orchestrator.store.InstanceStore;
import io.firedrill.orchestrator.store.OrchestratorInstance;
import io.firedrill.orchestrator.store.RunStore;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs whose orchestrator died. Each orchestrator process registers itself and says it is alive every
 * {@link #HEARTBEAT}; a run belongs to the process that executes it. A run that is not over and whose owner is dead
 * (stopped, silent for {@link #STALE}, or on this host with its pid gone) is marked ABORTED with the cause: at
 * start-up for the runs of a crashed predecessor, and every heartbeat for those of a peer that died (two
 * orchestrators on one database). Its events persisted before the crash stay; its faults were reverted by the agents
 * when their leases ran out, and any an agent still holds is reverted when it reconnects (fault inventory).
 */
public final class RunRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(15);
    private static final List<String> END_STATES = List.of(RunState.DONE.name(), RunState.ABORTED.name());

    private final Vertx vertx;
    private final InstanceStore instances;
    private final RunStore runs;
    private final Clock clock;
    private final String id;
    private long timer = -1;

    public RunRecovery(Vertx vertx, InstanceStore instances, RunStore runs, Clock clock, String id) {
        this.vertx = vertx;
        this.instances = instances;
        this.runs = runs;
        this.clock = clock;
        this.id = id;
    }

    /** {@code host/pid/start-millis}: unique per process; on the same host the pid tells whether it still runs. */
    public static String newInstanceId() {
        return host() + "/" + ProcessHandle.current().pid() + "/" + System.currentTimeMillis();
    }

    public String instanceId() {
        return id;
    }

    /** Registers this process and ends the runs of dead ones (blocking: call at start-up), then keeps watch. */
    public void start() {
        instances.register(id, host(), clock.instant());
        sweep();
        timer = vertx.setPeriodic(HEARTBEAT.toMillis(), t -> vertx.executeBlocking(() -> {
            instances.heartbeat(id, clock.instant());
            return sweep();
        }, false).onFailure(e -> LOG.warn("liveness heartbeat failed: {}", e.toString())));
    }

    /** Records an orderly stop (blocking), after this process's own runs have ended. */
    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        try {
            instances.stopped(id, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not record this orchestrator's stop: {}", e.toString());
        }
    }

    /** Marks ABORTED every unfinished run whose owner is dead; returns how many. */
    public int sweep() {
        int ended = 0;
        for (RunStore.Unfinished run : runs.unfinished(END_STATES)) {
            if (id.equals(run.owner())) {
                continue;
            }
            Optional<String> death = death(run.owner());
            if (death.isEmpty()) {
                continue;
            }
            String cause = "the orchestrator executing it " + death.get() + " during " + run.state()
                    + "; the agents reverted its faults when their leases ran out, and any still held is reverted "
                    + "when its agent reconnects";
            runs.transition(run.id(), RunState.ABORTED.name(), clock.instant(), cause, null, cause);
            LOG.warn("run {} of {} marked ABORTED: {}", run.id(), run.experiment(), cause);
            ended++;
        }
        return ended;
    }

    /** Why the owner counts as dead, or empty while it lives. */
    private Optional<String> death(String owner) {
        if (owner == null) {
            return Optional.of("(not recorded) is gone");
        }
        Optional<OrchestratorInstance> found = instances.find(owner);
        if (found.isEmpty()) {
            return Optional.of("(" + owner + ") is unknown");
        }
        OrchestratorInstance o = found.get();
        if (o.stoppedAt() != null) {
            return Optional.of("(" + owner + ") stopped at " + o.stoppedAt());
        }
        String[] parts = owner.split("/");
        // Our own pid under another id is an earlier incarnation (a container restarts as pid 1 every time).
        boolean ours = parts.length == 3 && parts[1].equals(Long.toString(ProcessHandle.current().pid()));
        if (parts.length == 3 && parts[0].equals(host()) && (ours || !pidAlive(parts[1]))) {
            return Optional.of("(" + owner + ") died (its process is gone; last seen " + o.lastSeen() + ")");
        }
        Instant now = clock.instant();
        if (o.lastSeen().isBefore(now.minus(STALE))) {
            return Optional.of("(" + owner + ") fell silent (last seen " + o.lastSeen() + ")");
        }
        return Optional.empty();
    }

    private static boolean pidAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
