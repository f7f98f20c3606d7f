package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.orchestrator.agents.AgentHub;
import io.firedrill.orchestrator.fault.FaultService;
import io.firedrill.orchestrator.measure.ClockSync;
import java.nio.file.Path;

/** What a run needs from the orchestrator, and where it records what happens. */
interface RunContext {
    AgentHub hub();

    FaultService faults();

    ProbeFeed probes();

    /** Where the run's artefacts go. */
    Path runDir(String runId);

    /** Persists a transition (also a note within the current state); never throws. */
    void transition(String runId, RunState state, String detail, String verdict, String cause);

    /** How well the clocks of the agents this experiment uses are mapped onto the orchestrator's. */
    ClockSync clockSync(Experiment experiment);
}
