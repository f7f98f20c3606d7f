package io.firedrill.orchestrator.rehearsal;

import io.firedrill.model.Experiment;
import io.firedrill.model.Runbook;
import io.firedrill.model.RunbookAction;
import io.firedrill.model.RunbookStep;
import io.firedrill.orchestrator.api.ApiException;
import io.firedrill.orchestrator.run.RunEngine;
import io.firedrill.orchestrator.run.RunRefusedException;
import io.firedrill.orchestrator.schedule.ExperimentLoader;
import io.firedrill.orchestrator.store.Database;
import io.firedrill.orchestrator.store.DuplicateException;
import io.firedrill.orchestrator.store.GameDay;
import io.firedrill.orchestrator.store.GameDayStore;
import io.firedrill.orchestrator.store.Rehearsal;
import io.firedrill.orchestrator.store.RehearsalStore;
import io.firedrill.orchestrator.store.RunRecord;
import io.firedrill.orchestrator.store.RunStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Game days: created with their experiments, runbook and participants, and the runs they start. Starting a run
 * records its rehearsal, the runbook's steps with their actions resolved against the run's estate, so the steps of
 * that run are what {@link RehearsalService} then lets people act on. Blocking (JDBC): call from a worker.
 */
public final class GameDayService {
    private final GameDayStore days;
    private final RehearsalStore rehearsals;
    private final RunStore runs;
    private final Runbooks runbooks;
    private final ExperimentLoader experiments;
    private final RunEngine engine;
    private final Clock clock;
    private final GameDayRequests requests;

    public GameDayService(Database db, RunEngine engine, ExperimentLoader experiments, Clock clock) {
        this.days = db.gameDays();
        this.rehearsals = db.rehearsals();
        this.runs = db.runs();
        this.runbooks = new Runbooks(db.runbooks(), db.experiments(), experiments);
        this.experiments = experiments;
        this.engine = engine;
        this.clock = clock;
        this.requests = new GameDayRequests(db.users(), runbooks, experiments);
    }

    Runbooks runbooks() {
        return runbooks;
    }

    /** Checks and stores a game day; 400 naming the field at fault, 409 when the name is taken. */
    public GameDayView create(GameDayRequests.Request request, String actor) {
        GameDayRequests.Request checked = requests.check(request);
        try {
            return view(days.create(checked.name(), checked.runbook(), checked.experiments(), checked.participants(),
                    actor));
        } catch (DuplicateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    public List<GameDayView> list() {
        return days.list().stream().map(this::view).toList();
    }

    public GameDayView get(String name) {
        return view(find(name));
    }

    /** Deletes a game day none of whose runs is in flight; its rehearsals stay, as the record of what happened. */
    public synchronized void delete(String name) {
        find(name);
        inFlight(name).ifPresent(r -> {
            throw ApiException.conflict("game day " + name + " has run " + r.runId() + " of " + r.experiment()
                    + " in flight; wait for it to end (or abort it) before deleting the game day");
        });
        days.delete(name);
    }

    /**
     * Starts a run of one of the game day's experiments ({@code experiment} null: the first that has not run yet) and
     * records its rehearsal. One run of a game day at a time: people rehearse one runbook at once.
     */
    public synchronized GameDayView.Started start(String name, String experiment, String actor) {
        GameDay day = find(name);
        inFlight(name).ifPresent(r -> {
            throw ApiException.conflict("game day " + name + " has run " + r.runId() + " of " + r.experiment()
                    + " in flight; wait for it to end (or abort it) before starting another");
        });
        String chosen = experiment == null ? next(day) : experiment;
        if (!day.experiments().contains(chosen)) {
            throw ApiException.badRequest("experiment: '" + chosen + "' is not an experiment of game day " + name
                    + "; it has " + String.join(", ", day.experiments()));
        }
        Runbooks.Known known = usable(day);
        Runbook runbook = known.loaded().orElseThrow();
        ExperimentLoader.Stored stored;
        try {
            stored = experiments.load(chosen);
        } catch (ExperimentLoader.Unavailable e) {
            throw ApiException.conflict(e.getMessage());
        }
        List<Rehearsal.Step> steps = steps(runbook, stored.experiment());
        RunRecord run;
        try {
            run = engine.start(stored.experiment(), stored.source(), actor);
        } catch (RunRefusedException e) {
            throw ApiException.conflict(e.getMessage());
        }
        try {
            rehearsals.begin(new Rehearsal(run.id(), name, chosen, runbook.id(), runbook.version(), known.source(),
                    steps, actor, clock.instant()));
        } catch (RuntimeException e) {
            engine.abort(run.id(), "its runbook rehearsal could not be recorded: " + e.getMessage());
            throw e;
        }
        // a run that ended already (preflight refused it at once) keeps its rehearsal, without the note
        engine.note(run.id(), at -> "game day " + name + ": rehearsing runbook " + runbook.id() + " version "
                + runbook.version() + " (" + steps.size() + " steps) with " + day.participants().stream()
                        .map(p -> p.user() + " (" + p.role() + ")").collect(Collectors.joining(", ")));
        return new GameDayView.Started(run.id(), run.experiment(), run.state(), run.createdAt(), name, runbook.id(),
                runbook.version(), steps.size());
    }

    private GameDay find(String name) {
        return days.find(name).orElseThrow(() -> ApiException.notFound("no game day named '" + name + "'"));
    }

    private Optional<GameDayView.RunRef> inFlight(String name) {
        return runsOf(name).stream().filter(GameDayView.RunRef::inFlight).findFirst();
    }

    private String next(GameDay day) {
        List<String> ran = rehearsals.ofGameDay(day.name()).stream().map(Rehearsal::experiment).toList();
        return day.experiments().stream().filter(e -> !ran.contains(e)).findFirst().orElseThrow(() ->
                ApiException.badRequest("experiment: every experiment of game day " + day.name() + " has run ("
                        + String.join(", ", day.experiments()) + "); name one with ?experiment= to run it again"));
    }

    private Runbooks.Known usable(GameDay day) {
        Runbooks.Known known = runbooks.find(day.runbook()).orElseThrow(() -> ApiException.conflict("game day "
                + day.name() + " rehearses runbook '" + day.runbook() + "', which no longer exists"));
        if (!known.loaded().ok()) {
            throw ApiException.conflict("runbook " + day.runbook() + " of game day " + day.name()
                    + " is no longer valid: " + known.loaded().problems().get(0).format());
        }
        return known;
    }

    /** The runbook's steps for a run of {@code experiment}, each http action aimed at that run's estate. */
    static List<Rehearsal.Step> steps(Runbook runbook, Experiment experiment) {
        List<Rehearsal.Step> steps = new ArrayList<>();
        for (RunbookStep s : runbook.steps()) {
            Rehearsal.Action action = null;
            if (s.action() instanceof RunbookAction.Http http) {
                action = HttpActions.resolve(http, experiment.estate()).orElseThrow(() -> ApiException.conflict(
                        "runbook " + runbook.id() + " step " + s.id() + ": " + HttpActions.unresolvable(http,
                                experiment.estate()) + "; the experiment " + experiment.name() + " runs there"));
            }
            steps.add(new Rehearsal.Step(s.id(), s.title(), s.role().wireName(), s.expected(), action));
        }
        return steps;
    }

    private List<GameDayView.RunRef> runsOf(String name) {
        return rehearsals.ofGameDay(name).stream().map(r -> {
            Optional<RunRecord> run = runs.find(r.runId());
            return new GameDayView.RunRef(r.runId(), r.experiment(), run.map(RunRecord::state).orElse(null),
                    run.map(RunRecord::verdict).orElse(null), engine.inFlight(r.runId()), r.startedBy(),
                    r.startedAt());
        }).toList();
    }

    private GameDayView view(GameDay day) {
        Optional<Runbooks.Known> known = runbooks.find(day.runbook());
        Optional<Runbook> runbook = known.flatMap(k -> k.loaded().value());
        List<String> problems = known.map(k -> k.loaded().problems().stream().map(p -> p.format()).toList())
                .orElse(List.of("no runbook '" + day.runbook() + "' any more"));
        List<String> held = day.participants().stream().map(GameDay.Participant::role).toList();
        List<String> uncovered = runbook.map(r -> r.steps().stream().map(s -> s.role().wireName()).distinct()
                .filter(role -> !held.contains(role)).toList()).orElse(List.of());
        GameDayView.RunbookRef ref = new GameDayView.RunbookRef(day.runbook(), runbook.map(Runbook::title).orElse(null),
                runbook.map(Runbook::version).orElse(null), known.map(Runbooks.Known::builtIn).orElse(false),
                problems);
        return new GameDayView(day.name(), ref, day.experiments(), day.participants(), uncovered, day.createdBy(),
                day.createdAt(), runsOf(day.name()));
    }
}
