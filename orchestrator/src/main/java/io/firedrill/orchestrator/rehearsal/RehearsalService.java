package io.firedrill.orchestrator.rehearsal;

import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.measure.Moment;
import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.GameDayStore;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.RehearsalStore;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import io.firedrill.orchestrator.store.StepEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * People acting on the runbook steps of a game-day run: start, complete, skip, each checked against the game day's
 * participants and the steps' order, stored with who, when and what they wrote, and noted on the run's timeline;
 * a completed step's http action is then performed against the run's estate. Acts on one run are serialised, so the
 * order checks hold; steps change only on the orchestrator that executes the run. Blocking: call from a worker.
 */
public final class RehearsalService {
    private final RehearsalStore rehearsals;
    private final GameDayStore days;
    private final RunStore runs;
    private final RunEngine engine;
    private final Clock clock;
    private final HttpActions actions = new HttpActions();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** What an act did: the step as it stands now, and the action's outcome when the act triggered one. */
    public record Acted(StepView step, StepEvent.ActionOutcome action) {}

    public RehearsalService(Database db, RunEngine engine, Clock clock) {
        this.rehearsals = db.rehearsals();
        this.days = db.gameDays();
        this.runs = db.runs();
        this.engine = engine;
        this.clock = clock;
        engine.onEnded(locks::remove);
    }

    /** The run's steps and where each stands; 404 for an unknown run or one no game day started. */
    public RehearsalView steps(String runId) {
        RunRecord run = run(runId);
        Rehearsal r = rehearsal(run);
        Progress progress = Progress.of(rehearsals.events(runId));
        Instant now = clock.instant();
        List<StepView> steps = new ArrayList<>();
        for (int i = 0; i < r.steps().size(); i++) {
            Rehearsal.Step s = r.steps().get(i);
            steps.add(StepView.of(i + 1, s, progress.of(s.id()), now));
        }
        return new RehearsalView(runId, r.gameDay(), r.experiment(), r.runbook(), r.runbookVersion(), run.state(),
                engine.inFlight(runId), r.startedBy(), r.startedAt(), RehearsalView.Summary.of(steps), steps);
    }

    /**
     * {@code user} does {@code act} to the step. Refusals, with nothing recorded: 404 (run, rehearsal, step), 400
     * (a skip without a note), 403 (not a participant in the step's role, nor the facilitator), 409 (the run is not
     * in flight; the step is out of order or done already).
     */
    public Acted act(String runId, String stepId, Act act, String user, String note,
            List<StepEvent.Evidence> evidence) {
        Rehearsal r = rehearsal(run(runId));
        Rehearsal.Step step = r.step(stepId).orElseThrow(() -> ApiException.notFound("runbook " + r.runbook()
                + " has no step '" + stepId + "'; its steps are " + String.join(", ", r.steps().stream()
                        .map(Rehearsal.Step::id).toList())));
        if (act == Act.SKIP && (note == null || note.isBlank())) {
            throw ApiException.badRequest("note: skipping step " + stepId + " needs a note saying why, e.g. "
                    + "{\"note\": \"the router failed over on its own\"}");
        }
        synchronized (locks.computeIfAbsent(runId, id -> new Object())) {
            GameDay day = days.find(r.gameDay()).orElseThrow(() -> notInFlight(runId, step, act));
            StepRules.forbidden(day, step, user).ifPresent(why -> {
                throw new ApiException(403, why);
            });
            if (!engine.inFlight(runId)) {
                throw notInFlight(runId, step, act);
            }
            Progress progress = Progress.of(rehearsals.events(runId));
            StepRules.outOfOrder(act, r, step, progress).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            String role = day.roleOf(user).orElseThrow();
            StepEvent[] kept = new StepEvent[1];
            Optional<Moment> at;
            try {
                at = engine.note(runId, m -> {
                    kept[0] = rehearsals.record(new StepEvent(runId, 0, stepId, act.kind(), user, role, m.wall(),
                            m.nanos(), blankToNull(note), evidence, null));
                    return Notes.act(r, step, kept[0], progress.of(stepId).start());
                });
            } catch (DuplicateException e) {
                throw ApiException.conflict(e.getMessage());
            }
            if (at.isEmpty()) {
                throw notInFlight(runId, step, act);
            }
            StepEvent.ActionOutcome outcome = act == Act.COMPLETE && step.action() != null
                    ? perform(r, step, kept[0]) : null;
            Progress now = Progress.of(rehearsals.events(runId));
            return new Acted(StepView.of(r.position(stepId), step, now.of(stepId), clock.instant()), outcome);
        }
    }

    /**
     * The step's action, made after its completion is recorded (the step is completed whatever the action gets), and
     * its outcome recorded and noted too. A run that ended while the request was out keeps the outcome off its
     * timeline: the note would come after the end.
     */
    private StepEvent.ActionOutcome perform(Rehearsal r, Rehearsal.Step step, StepEvent completed) {
        StepEvent.ActionOutcome outcome = actions.perform(step.action(), r.runId());
        Optional<Moment> noted = engine.note(r.runId(), m -> {
            rehearsals.record(actionEvent(completed, outcome, m.wall(), m.nanos()));
            return Notes.action(r, step, outcome);
        });
        if (noted.isEmpty()) {
            Instant now = clock.instant();
            long nanos = completed.runNanos() + Duration.between(completed.at(), now).toNanos();
            rehearsals.record(actionEvent(completed, outcome, now, nanos));
        }
        return outcome;
    }

    private static StepEvent actionEvent(StepEvent completed, StepEvent.ActionOutcome outcome, Instant at,
            long nanos) {
        return new StepEvent(completed.runId(), 0, completed.step(), StepEvent.Kind.ACTION, completed.actor(),
                completed.role(), at, nanos, null, List.of(), outcome);
    }

    private RunRecord run(String runId) {
        return runs.find(runId).orElseThrow(() -> ApiException.notFound("no run with id '" + runId + "'"));
    }

    private Rehearsal rehearsal(RunRecord run) {
        return rehearsals.find(run.id()).orElseThrow(() -> ApiException.notFound("run " + run.id() + " of "
                + run.experiment() + " was not started by a game day, so it has no runbook steps; start runs with "
                + "POST /api/v1/gamedays/{name}/runs"));
    }

    private ApiException notInFlight(String runId, Rehearsal.Step step, Act act) {
        String state = runs.find(runId).map(RunRecord::state).orElse("unknown");
        return ApiException.conflict("run " + runId + " is not in flight (state " + state + "); step " + step.id()
                + " can be " + act.past() + " only while the run is in flight");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
