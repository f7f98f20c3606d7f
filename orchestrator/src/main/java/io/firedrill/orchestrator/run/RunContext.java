package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.measure.ClockSync;
import io.firedrill.orchestrator.store.Approval;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What a run needs from the orchestrator, and where it records what happens. */
interface RunContext {
    AgentHub hub();

    FaultService faults();

    ProbeFeed probes();

    /** Where the run's artefacts go. */
    Path runDir(String runId);

    /** Persists a transition (also a note within the current state); never throws. */
    void transition(String runId, RunState state, String detail, String verdict, String cause);

    /**
     * Takes an approved, unexpired approval of the experiment for the run (production estates); empty when none.
     * Blocking.
     */
    Optional<Approval> takeApproval(String experiment, String runId);

    /** Whether an approval the run could take exists now, without taking it. Blocking. */
    Optional<Approval> usableApproval(String experiment);

    /** Records what the run did in the audit log (actor: the system); never throws. */
    void audit(String action, String runId, Map<String, ?> details);

    /** Signs an audit checkpoint covering everything so far (at the end of a run); never throws. */
    void auditCheckpoint();

    /** How well the clocks of the agents this experiment uses are mapped onto the orchestrator's. */
    ClockSync clockSync(Experiment experiment);
}
