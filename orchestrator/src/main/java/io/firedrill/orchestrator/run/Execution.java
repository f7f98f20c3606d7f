package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.model.Step;
import io.firedrill.orchestrator.measure.FinalRead;
import io.firedrill.orchestrator.measure.FrontDoorProbe;
import io.firedrill.orchestrator.measure.Op;
import io.firedrill.orchestrator.measure.Moment;
import io.firedrill.orchestrator.measure.ProbeSample;
import io.firedrill.orchestrator.measure.RunEvidence;
import io.firedrill.orchestrator.measure.RunFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one experiment, on its own thread, through the lifecycle of {@link RunState}. Every state change is
 * persisted with its time before the work of the state starts; every fault applied is reverted on every way out
 * (done, abort, stop condition, error), and the evidence gathered so far is written whatever happened.
 */
final class Execution implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);
    private static final Duration MIN_RECOVERY_WAIT = Duration.ofSeconds(10);
    private static final Duration OP_TIMEOUT = Duration.ofSeconds(2);

    private final String id;
    private final Experiment experiment;
    private final RunContext deps;
    private final RunClock clock = new RunClock();
    private final RunFeed feed = new RunFeed();
    private final HistoryLog history;
    private final Hypothesis hypothesis;
    private final FaultSteps steps;
    private final StopWatch stopWatch;
    private final LagSampler lag;
    private final Object signal = new Object();
    /** Held while a transition or a note is recorded: notes from other threads never interleave with the end. */
    private final Object timeline = new Object();
    private volatile String abortCause;
    private volatile boolean watchStops;
    private volatile RunState state = RunState.PREFLIGHT;
    private WorkloadClient workload;
    private AutoCloseable probes;

    Execution(String id, Experiment experiment, RunContext deps) {
        this.id = id;
        this.experiment = experiment;
        this.deps = deps;
        this.hypothesis = new Hypothesis(experiment);
        this.history = new HistoryLog(clock, deps.runDir(id).resolve(RunFiles.HISTORY), this::onHistory);
        this.stopWatch = new StopWatch(experiment.stopConditions());
        this.steps = new FaultSteps(id, experiment.estate(), deps.faults(), clock, history);
        this.lag = new LagSampler(frontDoor(), clock);
        feed.state(RunState.PREFLIGHT, "requested", clock.wall(clock.now()), clock.now());
    }

    String id() {
        return id;
    }

    RunState state() {
        return state;
    }

    /** Records an event of this run in the audit log. */
    void audit(String action, Map<String, ?> details) {
        deps.audit(action, id, details);
    }

    /** Every history entry goes to the live feed; a fault injected or reverted also to the audit log. */
    private void onHistory(Op op) {
        feed.op(op);
        if (op.type() == Op.Type.NEMESIS) {
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("fault", op.key());
            details.put("kind", op.value());
            if (op.region() != null) {
                details.put("region", op.region());
            }
            deps.audit("fault." + op.f().wire(), id, details);
        }
    }

    /** The live events of this run, for people watching it. */
    RunFeed feed() {
        return feed;
    }

    /** Called a few times a second while the run is in flight: closes the feed's finished seconds, flushes files. */
    void tick() {
        feed.tick(clock.now());
        history.flush();
    }

    /** Asks the run to end early; it reverts its faults and records {@code cause}. */
    void abort(String cause) {
        if (abortCause == null) {
            abortCause = cause;
        }
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public void run() {
        String verdict = null;
        String cause = null;
        RunState end = RunState.DONE;
        RunOutcome outcome = null;
        try {
            preflight();
            steadyBefore();
            method();
            recover();
            outcome = verify();
            verdict = outcome.verdict();
        } catch (RunAbort e) {
            end = RunState.ABORTED;
            cause = e.getMessage();
        } catch (InterruptedException e) {
            end = RunState.ABORTED;
            cause = abortCause != null ? abortCause : "interrupted";
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed", id, e);
            end = RunState.ABORTED;
            cause = "error: " + e;
        } finally {
            steps.revertAll("run " + (end == RunState.DONE ? "ended" : "aborted"));
            stopWorkloadAndProbes();
        }
        if (outcome == null) {
            try {
                outcome = writePartialEvidence();
            } catch (RuntimeException e) {
                LOG.error("run {}: its evidence could not be written", id, e);
                outcome = new RunOutcome(null, "evidence not written: " + e.getMessage());
            }
        }
        history.close();
        String detail = end == RunState.DONE ? "verdict " + verdict + ": " + outcome.summary()
                : cause + "; every fault reverted";
        publishResult();
        transition(end, detail, verdict, cause);
        feed.end(end, verdict, cause);
        Map<String, Object> ended = new java.util.LinkedHashMap<>();
        ended.put("state", end.name());
        if (verdict != null) {
            ended.put("verdict", verdict);
        }
        if (cause != null) {
            ended.put("cause", cause);
        }
        deps.audit("run.end", id, ended);
        deps.auditCheckpoint();
    }

    private void publishResult() {
        Path result = deps.runDir(id).resolve(RunFiles.RESULT);
        if (Files.isRegularFile(result)) {
            try {
                feed.result(Files.readString(result));
            } catch (IOException e) {
                LOG.warn("run {}: cannot read its result back for the live feed: {}", id, e.toString());
            }
        }
    }

    // ---- PREFLIGHT -------------------------------------------------------------------------------------------

    private void preflight() {
        new Preflight(id, experiment, deps).check(frontDoor()).ifPresent(approval -> transitionDetail("approved by "
                + approval.decidedBy() + " (approval " + approval.id() + ", requested by " + approval.requestedBy()
                + ": " + approval.reason() + ")"));
        abortIfAsked();
    }

    // ---- STEADY_BEFORE -----------------------------------------------------------------------------------------

    private void steadyBefore() throws InterruptedException {
        transition(RunState.STEADY_BEFORE, "agents online; probes and workload starting", null, null);
        probes = deps.probes().start(id, experiment, clock, this::onSample);
        experiment.workload().ifPresent(w -> {
            workload = new WorkloadClient(w.through(), w.rate(), w.concurrency(), w.keyPrefix() + "-" + id, OP_TIMEOUT,
                    clock, history);
            workload.start();
        });
        lag.start();
        long from = clock.now();
        waitFor(hypothesis.window());
        List<String> broken = hypothesis.broken(from, clock.now());
        if (!broken.isEmpty()) {
            throw new RunAbort("steady state did not hold before any fault: " + String.join("; ", broken));
        }
    }

    private void onSample(ProbeSample sample) {
        hypothesis.record(sample);
        feed.probe(sample);
        if (watchStops) {
            stopWatch.offer(sample).ifPresent(this::abort);
        }
    }

    // ---- INJECT / OBSERVE ----------------------------------------------------------------------------------------

    private void method() throws InterruptedException {
        transition(RunState.INJECT, experiment.method().size() + " fault step(s)", null, null);
        watchStops = true;
        long start = clock.now();
        List<Step> toApply = new ArrayList<>(experiment.method());
        toApply.sort(Comparator.comparing(Step::after));
        List<Step> toRevert = new ArrayList<>(experiment.method());
        toRevert.sort(Comparator.comparing(Step::end));
        while (!toApply.isEmpty() || !toRevert.isEmpty()) {
            Step nextApply = toApply.isEmpty() ? null : toApply.get(0);
            Step nextRevert = toRevert.isEmpty() ? null : toRevert.get(0);
            boolean apply = nextApply != null && (nextRevert == null
                    || nextApply.after().compareTo(nextRevert.end()) <= 0);
            if (apply) {
                waitUntil(start + nextApply.after().toNanos());
                transitionDetail(steps.apply(nextApply));
                toApply.remove(0);
                if (toApply.isEmpty()) {
                    transition(RunState.OBSERVE, "every fault applied; watching until they end", null, null);
                }
            } else {
                waitUntil(start + nextRevert.end().toNanos());
                steps.revert(nextRevert.name(), "step " + nextRevert.name() + " ended after " + nextRevert.duration());
                toRevert.remove(0);
            }
        }
    }

    // ---- RECOVER -----------------------------------------------------------------------------------------------

    private void recover() throws InterruptedException {
        transition(RunState.RECOVER, "every fault reverted; waiting for steady state again", null, null);
        steps.revertAll("recover");
        long reverted = clock.now();
        Duration wait = experiment.objectives().rto().compareTo(MIN_RECOVERY_WAIT) > 0
                ? experiment.objectives().rto() : MIN_RECOVERY_WAIT;
        long deadline = reverted + wait.toNanos();
        Duration window = hypothesis.window();
        while (clock.now() < deadline) {
            waitFor(window);
            if (hypothesis.broken(clock.now() - window.toNanos(), clock.now()).isEmpty()) {
                transitionDetail("steady state again " + seconds(clock.now() - reverted) + " s after the last revert");
                return;
            }
        }
        transitionDetail("steady state not seen again within " + wait.toSeconds() + " s of the last revert: "
                + String.join("; ", hypothesis.broken(clock.now() - window.toNanos(), clock.now())));
    }

    // ---- VERIFY ------------------------------------------------------------------------------------------------

    private RunOutcome verify() throws InterruptedException {
        transition(RunState.VERIFY, "final read and checkers", null, null);
        watchStops = false;
        stopWorkloadAndProbes();
        FinalRead read = finalRead();
        return judge(read);
    }

    private FinalRead finalRead() throws InterruptedException {
        if (workload == null) {
            return FinalRead.notTaken("the experiment has no workload");
        }
        FinalReader.Result r = new FinalReader().read(frontDoor(), workload.keyPrefix(), clock);
        List<FinalRead.Entry> entries = r.entries().stream().map(e -> new FinalRead.Entry(e.key(), e.value())).toList();
        return r.complete() ? FinalRead.complete(null, entries) : FinalRead.incomplete(r.detail(), entries);
    }

    private RunOutcome judge(FinalRead read) {
        RunEvidence evidence = evidence(read);
        return RunOutcome.judge(evidence, deps.runDir(id));
    }

    private RunOutcome writePartialEvidence() {
        return RunOutcome.partial(evidence(FinalRead.notTaken("the run ended before its final read")), deps.runDir(id));
    }

    private RunEvidence evidence(FinalRead read) {
        RunEvidence.Builder b = RunEvidence.builder(id, experiment.objectives())
                .history(history.finish())
                .finalRead(read)
                .frontDoorProbes(FrontDoorProbe.of(experiment))
                .estateEvents(EstateEvents.fetch(frontDoor(), clock));
        b.probes(hypothesis.samples());
        b.faults(steps.marks());
        clockStart().ifPresent(b::clockStartFault);
        lag.before(firstInEffect()).ifPresent(b::replicationLagBeforeT0);
        b.clock(deps.clockSync(experiment));
        return b.build();
    }

    /**
     * The step whose onset is T0. A method that slows replication and then blacks out the primary measures recovery
     * from the blackout: the lag is a precondition. So the first step that takes a region or a path away (blackout,
     * partition, process kill) starts the clock; without one, the first step does.
     */
    private Optional<String> clockStart() {
        return experiment.method().stream()
                .filter(s -> s.fault() == io.firedrill.model.Fault.REGION_BLACKOUT
                        || s.fault() == io.firedrill.model.Fault.LINK_PARTITION
                        || s.fault() == io.firedrill.model.Fault.PROCESS_KILL)
                .min(Comparator.comparing(Step::after)).map(Step::name);
    }

    private long firstInEffect() {
        Optional<String> start = clockStart();
        return steps.marks().stream().filter(f -> start.isEmpty() || f.fault().equals(start.get()))
                .mapToLong(f -> f.inEffect().nanos()).min().orElse(Long.MAX_VALUE);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private void stopWorkloadAndProbes() {
        lag.stop();
        try {
            if (workload != null) {
                workload.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (probes != null) {
            try {
                probes.close();
            } catch (Exception e) {
                LOG.warn("run {}: stopping probes: {}", id, e.toString());
            }
            probes = null;
        }
    }

    private void transition(RunState next, String detail, String verdict, String cause) {
        synchronized (timeline) {
            state = next;
            record(next, detail, verdict, cause);
        }
    }

    /** A note within the current state, kept as a transition to the same state so it is on the run's timeline. */
    private void transitionDetail(String detail) {
        synchronized (timeline) {
            record(state, detail, null, null);
        }
    }

    /**
     * A note from outside the engine (a runbook step), on the timeline like {@link #transitionDetail}. Under the same
     * lock as the run's own transitions, so no note lands after the end: once the run has ended, {@code keep} is not
     * called and the answer is empty.
     */
    Optional<Moment> note(Function<Moment, String> keep) {
        synchronized (timeline) {
            if (state.terminal()) {
                return Optional.empty();
            }
            long now = clock.now();
            Moment at = new Moment(now, clock.wall(now), Duration.ZERO);
            record(state, keep.apply(at), null, null);
            return Optional.of(at);
        }
    }

    private void record(RunState at, String detail, String verdict, String cause) {
        history.flush();
        deps.transition(id, at, detail, verdict, cause);
        long now = clock.now();
        feed.state(at, detail, clock.wall(now), now);
    }

    private void waitFor(Duration d) throws InterruptedException {
        waitUntil(clock.now() + d.toNanos());
    }

    /** Sleeps until the run-relative time {@code nanos}; wakes at once when the run is aborted. */
    private void waitUntil(long nanos) throws InterruptedException {
        while (true) {
            abortIfAsked();
            long left = nanos - clock.now();
            if (left <= 0) {
                return;
            }
            synchronized (signal) {
                TimeUnit.NANOSECONDS.timedWait(signal, Math.min(left, 50_000_000L));
            }
        }
    }

    private void abortIfAsked() {
        if (abortCause != null) {
            throw new RunAbort(abortCause);
        }
    }

    private URI frontDoor() {
        return experiment.workload().map(w -> w.through())
                .or(() -> experiment.estate().frontDoor()).orElseThrow(() -> new RunAbort(
                        "preflight: the estate has no front door and the workload names none"));
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
