package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.model.Probe;
import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.audit.AuditLog;
import io.firedrill.orchestrator.agents.ClockOffset;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.measure.ClockSync;
import io.firedrill.orchestrator.measure.Moment;
import io.firedrill.orchestrator.safety.Gate;
import io.firedrill.orchestrator.store.Approval;
import io.firedrill.orchestrator.store.ApprovalStore;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts runs and keeps track of the ones in flight: each on its own thread, persisted at every transition, its
 * artefacts under {@code <runsDir>/<id>/}. Closing the engine aborts every run in flight, which reverts their faults.
 */
public final class RunEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final RunStore runs;
    private final AgentHub hub;
    private final FaultService faults;
    private final ProbeFeed probes;
    private final Path runsDir;
    private final Clock clock;
    private final String owner;
    private final ApprovalStore approvals;
    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "run-ticker");
        t.setDaemon(true);
        return t;
    });

    private volatile Gate gate = Gate.open();
    private volatile AuditLog audit;

    private record Flight(Execution execution, Thread thread) {}

    /** @param owner the id of this orchestrator process, recorded on every run it executes */
    public RunEngine(RunStore runs, AgentHub hub, FaultService faults, ProbeFeed probes, Path runsDir, Clock clock,
            String owner, ApprovalStore approvals) {
        this.owner = owner;
        this.approvals = approvals;
        this.runs = runs;
        this.hub = hub;
        this.faults = faults;
        this.probes = probes;
        this.runsDir = runsDir;
        this.clock = clock;
    }

    /** From now on, runs record what they do in {@code log}, and sign a checkpoint when they end. */
    public void recordTo(AuditLog log) {
        this.audit = log;
    }

    /** From now on, runs start only while {@code gate} is open. */
    public void refuseWhen(Gate gate) {
        this.gate = gate;
    }

    /**
     * Records the run (PREFLIGHT) and starts it; blocking (one INSERT).
     *
     * @param startedBy who starts it: a user's name, {@code schedule:<name>} or {@code demo}
     * @throws RunRefusedException when the gate is closed; nothing is recorded
     */
    public RunRecord start(Experiment experiment, String source, String startedBy) {
        Objects.requireNonNull(startedBy, "startedBy");
        gate.closed().ifPresent(why -> {
            throw new RunRefusedException("run of " + experiment.name() + " refused: " + why);
        });
        String id = "r-" + Long.toString(clock.millis(), 36) + "-" + sequence.incrementAndGet();
        RunRecord record = runs.create(id, experiment.name(), source, RunState.PREFLIGHT.name(), clock.instant(),
                owner, startedBy);
        Execution execution = new Execution(id, experiment, context());
        ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(() -> tick(execution), TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
        Thread thread = new Thread(() -> {
            try {
                execution.run();
            } finally {
                ticks.cancel(false);
                inFlight.remove(id);
                listeners.forEach(l -> l.accept(id));
            }
        }, "run-" + id);
        inFlight.put(id, new Flight(execution, thread));
        thread.start();
        LOG.info("run {} of {} started by {}", id, experiment.name(), startedBy);
        execution.audit("run.start", Map.of("experiment", experiment.name(), "startedBy", startedBy));
        return record;
    }

    /** Asks a run in flight to stop; false when it is not in flight (done, aborted, or unknown). */
    public boolean abort(String id, String cause) {
        Flight f = inFlight.get(id);
        if (f == null) {
            return false;
        }
        f.execution().abort(cause);
        return true;
    }

    /** Asks every run in flight to stop; returns how many were asked. */
    public int abortAll(String cause) {
        List<Flight> flights = List.copyOf(inFlight.values());
        flights.forEach(f -> f.execution().abort(cause));
        return flights.size();
    }

    public boolean inFlight(String id) {
        return inFlight.containsKey(id);
    }

    /**
     * Adds a note to the timeline of a run in flight, for what happens beside the engine (a runbook step): a
     * transition to the run's current state, stored and sent to its live feed. {@code keep} is called first with the
     * moment of the note (orchestrator time and the run's own nanoseconds), to store what goes with it, and answers
     * the note's text; both happen or neither (a {@code keep} that throws leaves no note). Empty, and {@code keep} not
     * called, when the run is not in flight here or has just ended. Blocking (the note is stored).
     */
    public Optional<Moment> note(String id, Function<Moment, String> keep) {
        Flight f = inFlight.get(id);
        return f == null ? Optional.empty() : f.execution().note(keep);
    }

    /** The live events of a run in flight; empty once it has ended (its artefacts then tell the whole story). */
    public Optional<RunFeed> feed(String id) {
        return Optional.ofNullable(inFlight.get(id)).map(f -> f.execution().feed());
    }

    private static void tick(Execution execution) {
        try {
            execution.tick();
        } catch (RuntimeException e) {
            LOG.warn("run {}: live feed tick failed: {}", execution.id(), e.toString());
        }
    }

    /** Called with the run id when a run has ended and its artefacts are written. */
    public void onEnded(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Where a run's artefacts are. */
    public Path runDir(String id) {
        return runsDir.resolve(id);
    }

    /** Aborts every run in flight and waits for each to revert and record its end. */
    @Override
    public void close() {
        inFlight.values().forEach(f -> f.execution().abort("the orchestrator is stopping"));
        for (Flight f : inFlight.values()) {
            try {
                f.thread().join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        ticker.shutdownNow();
    }

    private RunContext context() {
        return new RunContext() {
            @Override
            public AgentHub hub() {
                return hub;
            }

            @Override
            public FaultService faults() {
                return faults;
            }

            @Override
            public ProbeFeed probes() {
                return probes;
            }

            @Override
            public Path runDir(String runId) {
                return RunEngine.this.runDir(runId);
            }

            @Override
            public void transition(String runId, RunState state, String detail, String verdict, String cause) {
                try {
                    runs.transition(runId, state.name(), clock.instant(), detail, verdict, cause);
                } catch (RuntimeException e) {
                    LOG.error("run {}: could not record {} ({}): {}", runId, state, detail, e.toString());
                }
                LOG.info("run {}: {} {}", runId, state, detail == null ? "" : detail);
            }

            @Override
            public void audit(String action, String runId, Map<String, ?> details) {
                AuditLog log = audit;
                if (log == null) {
                    return;
                }
                try {
                    log.append(AuditLog.SYSTEM, action, runId, details);
                } catch (RuntimeException e) {
                    LOG.error("run {}: could not record {} in the audit log: {}", runId, action, e.toString());
                }
            }

            @Override
            public void auditCheckpoint() {
                AuditLog log = audit;
                if (log == null) {
                    return;
                }
                try {
                    log.checkpoint();
                } catch (RuntimeException e) {
                    LOG.error("could not sign an audit checkpoint at the end of a run: {}", e.toString());
                }
            }

            @Override
            public Optional<Approval> takeApproval(String experiment, String runId) {
                return approvals.consume(experiment, runId);
            }

            @Override
            public Optional<Approval> usableApproval(String experiment) {
                return approvals.list(Approval.APPROVED).stream().filter(a -> a.experiment().equals(experiment))
                        .findFirst();
            }

            @Override
            public ClockSync clockSync(Experiment experiment) {
                return RunEngine.this.clockSync(experiment);
            }
        };
    }

    /** The worst clock bound among the agents the experiment's probes run on; not synced if one is unmeasured. */
    private ClockSync clockSync(Experiment experiment) {
        Set<String> regions = new LinkedHashSet<>();
        experiment.steadyState().stream().map(Probe::region).forEach(regions::add);
        Duration worst = Duration.ZERO;
        for (String region : regions) {
            Optional<ClockOffset> offset = hub.clockOffset(region);
            if (offset.isEmpty()) {
                return ClockSync.notSynced("the clock of the agent of " + region + " was not measured");
            }
            Duration bound = Duration.ofNanos(offset.get().errorMicros() * 1000);
            if (bound.compareTo(worst) > 0) {
                worst = bound;
            }
        }
        return ClockSync.synced(worst);
    }
}
