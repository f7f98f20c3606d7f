/**
 * Runbook rehearsal: game days that run experiments while people work through a runbook, each step timed against
 * what the runbook expects and recorded with who did it.
 *
 * <h2>What is where</h2>
 * A game day ({@link io.firedrill.orchestrator.store.GameDayStore}) names stored experiments, a runbook (built in,
 * from the classpath, or sent as Markdown and kept by {@link io.firedrill.orchestrator.store.RunbookStore}; see
 * {@code Runbooks}) and participants: API users, each with one runbook role (facilitator, on-call, observer,
 * approver). {@link io.firedrill.orchestrator.rehearsal.GameDayService} checks and keeps them and starts their runs;
 * {@link io.firedrill.orchestrator.rehearsal.RehearsalService} lets people act on the steps of those runs. The API
 * classes ({@code GameDaysApi}, {@code RunbooksApi}, {@code StepsApi}) only read requests and write answers.
 *
 * <h2>How a rehearsal flows</h2>
 * <pre>
 * POST /gamedays/{name}/runs?experiment=E
 *   -> RunEngine.start(E)                       the run, as POST /runs starts it
 *   -> RehearsalStore.begin                     the runbook as it is now: its steps, each http action's URL resolved
 *                                               against E's estate (the run keeps its rehearsal if the runbook changes)
 * POST /runs/{id}/steps/{step}/start|complete|skip
 *   -> 404 run / rehearsal / step, 400 body     nothing recorded on any refusal
 *   -> 403 StepRules.forbidden                  game-day role must be the step's, or facilitator
 *   -> 409 not in flight, StepRules.outOfOrder  in order; complete after start; each once
 *   -> RunEngine.note(run, keep)                under the run's lock: the event is stored (rehearsal_event) and
 *                                               noted on the run's timeline and live feed, or neither (run ended)
 *   -> complete with an http action: HttpActions.perform, outcome stored and noted; a failure leaves the step
 *      completed and answers 502
 * </pre>
 * Every time is kept twice: orchestrator time, and nanoseconds on the run's own timeline (the clock of its artefacts),
 * so a step's completion can be set against the router's events and the run's T0..T6.
 *
 * <p>Steps change only on the orchestrator that executes the run (the run must be in flight there). Acts on one run
 * are serialised by a lock of this process, which is what makes the order checks hold.
 *
 * <p>Everything here blocks on JDBC or HTTP: the API calls it on workers.
 */
package io.firedrill.orchestrator.rehearsal;
