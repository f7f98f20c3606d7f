package io.firedrill.orchestrator.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firedrill.model.Estate;
import io.firedrill.model.FaultOrder;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.ModelJson;
import io.firedrill.model.Step;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.fault.FaultView;
import io.firedrill.orchestrator.measure.FaultMark;
import io.firedrill.orchestrator.measure.Moment;
import io.firedrill.orchestrator.measure.Op;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults one run holds: each method step applied through the fault service and reverted when it ends or the
 * run does, with when the agents had it in effect (their acks, on the run's clock) written into the history as
 * nemesis entries and kept as the run's fault marks. Thread-safe: the run reverts from its own thread, and again
 * on its way out.
 */
final class FaultSteps {
    private static final Logger LOG = LoggerFactory.getLogger(FaultSteps.class);
    private static final long ANSWER_SECONDS = 30;
    /** Faults list their target as JSON, the way the faults API shows a target sent by hand. */
    private static final ObjectMapper TARGET_JSON = ModelJson.newMapper();

    /** A fault this run holds: its id at the fault service, its step, when it went into effect. */
    private record Held(String faultId, Step step, Moment inEffect) {}

    private final String runId;
    private final Estate estate;
    private final FaultService faults;
    private final RunClock clock;
    private final HistoryLog history;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final List<FaultMark> marks = new ArrayList<>();

    FaultSteps(String runId, Estate estate, FaultService faults, RunClock clock, HistoryLog history) {
        this.runId = runId;
        this.estate = estate;
        this.faults = faults;
        this.clock = clock;
        this.history = history;
    }

    /** Applies {@code step}; returns a line for the run's timeline once every agent has it in effect. */
    String apply(Step step) throws InterruptedException {
        FaultOrder order = new FaultOrder(step.fault(), step.target(), Optional.empty(), Optional.empty());
        long invoked = clock.now();
        FaultView view;
        try {
            view = faults.apply(estate.name(), estate, order, TARGET_JSON.valueToTree(step.target()))
                    .toCompletionStage().toCompletableFuture().get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new RunAbort("inject: step " + step.name() + " (" + step.fault().wireName() + ") failed: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RunAbort("inject: step " + step.name() + " was not in effect within " + ANSWER_SECONDS + " s");
        }
        Moment inEffect = inEffect(view, invoked);
        synchronized (this) {
            held.put(step.name(), new Held(view.id(), step, inEffect));
        }
        history.nemesis(Op.Function.INJECT, step.name(), step.fault().wireName(), targetRegion(step), inEffect.nanos(),
                "fault " + view.id() + " in effect on " + view.parts().size() + " agent(s)");
        return String.format(java.util.Locale.ROOT, "applied %s (%s) at +%.2f s, fault %s", step.name(),
                step.fault().wireName(), inEffect.nanos() / 1e9, view.id());
    }

    /** Reverts the step's fault if this run still holds it; a failed revert is logged, the lease still ends it. */
    void revert(String stepName, String reason) {
        Held h;
        synchronized (this) {
            h = held.remove(stepName);
        }
        if (h == null) {
            return;
        }
        long invoked = clock.now();
        Moment reverted;
        try {
            FaultView view = faults.revert(h.faultId(), reason).toCompletionStage().toCompletableFuture()
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);
            reverted = inEffect(view, invoked);
        } catch (Exception e) {
            LOG.warn("run {}: revert of {} failed: {}", runId, h.faultId(), e.toString());
            reverted = Moment.of(clock.now(), clock.wall(clock.now()), (clock.now() - invoked) / 1000);
        }
        history.nemesis(Op.Function.REVERT, stepName, h.step().fault().wireName(), targetRegion(h.step()),
                reverted.nanos(), reason);
        synchronized (this) {
            marks.add(new FaultMark(stepName, h.step().fault().wireName(), h.step().target().toString(),
                    h.inEffect(), Optional.of(reverted)));
        }
    }

    void revertAll(String reason) {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(held.keySet());
        }
        names.forEach(name -> revert(name, reason));
    }

    /** Every fault this run had in effect and has reverted. */
    synchronized List<FaultMark> marks() {
        return List.copyOf(marks);
    }

    /** When every agent had the fault in effect: the latest of their acks, mapped onto the run's clock. */
    private Moment inEffect(FaultView view, long invoked) {
        Instant latest = null;
        long bound = 0;
        for (FaultView.Part part : view.parts()) {
            if (part.at() != null && (latest == null || part.at().isAfter(latest))) {
                latest = part.at();
            }
            bound = Math.max(bound, part.errorMicros() == null ? 0 : part.errorMicros());
        }
        long nanos = latest == null ? clock.now() : clock.fromWall(latest);
        if (latest == null) {
            bound = Math.max(bound, (clock.now() - invoked) / 1000); // no agent time: between the call and its answer
        }
        return Moment.of(nanos, clock.wall(nanos), bound);
    }

    private static String targetRegion(Step step) {
        return step.target() instanceof FaultTarget.RegionBlackout b ? b.region() : null;
    }
}
