package io.firedrill.orchestrator.measure;

import io.firedrill.model.Objectives;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run's verdict is computed from, all on one timeline. The run engine assembles it at VERIFY; it is
 * also read back from a run's files ({@link RunFiles}), so the judgement can be recomputed by anyone holding them.
 *
 * @param runId                  the run's id, for the report
 * @param objectives             the declared objectives; {@code steadyStateSamples} is N for T6
 * @param history                the workload's history with nemesis entries, in recording order
 * @param probes                 every probe sample of the run
 * @param estateEvents           what the estate reported (router events): the evidence for T1, T2, T3
 * @param faults                 every fault that was in effect
 * @param clockStartFault        the fault whose in-effect time is T0; empty means the earliest. Name it when the
 *                               first fault is only a precondition (replication lag before a blackout)
 * @param finalRead              the read-back after recovery
 * @param frontDoorProbes        the probes whose success means users are served; empty: T6 from the writes
 * @param replicationLagBeforeT0 the replica's lag sampled just before T0, when measured
 * @param clock                  how well agent clocks were mapped onto the orchestrator's
 */
public record RunEvidence(
        String runId,
        Objectives objectives,
        Replayable<Op> history,
        Replayable<ProbeSample> probes,
        List<EstateEvent> estateEvents,
        List<FaultMark> faults,
        Optional<String> clockStartFault,
        FinalRead finalRead,
        List<FrontDoorProbe> frontDoorProbes,
        Optional<Duration> replicationLagBeforeT0,
        ClockSync clock) {

    public RunEvidence {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(objectives, "objectives");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(probes, "probes");
        estateEvents = List.copyOf(estateEvents);
        faults = List.copyOf(faults);
        Objects.requireNonNull(clockStartFault, "clockStartFault");
        Objects.requireNonNull(finalRead, "finalRead");
        frontDoorProbes = List.copyOf(frontDoorProbes);
        Objects.requireNonNull(replicationLagBeforeT0, "replicationLagBeforeT0");
        Objects.requireNonNull(clock, "clock");
        if (objectives.steadyStateSamples() < 1) {
            throw new IllegalArgumentException("steadyStateSamples must be at least 1, got "
                    + objectives.steadyStateSamples());
        }
    }

    /** N: consecutive good rounds that count as steady again. */
    public int steadyStateSamples() {
        return objectives.steadyStateSamples();
    }

    public static Builder builder(String runId, Objectives objectives) {
        return new Builder(runId, objectives);
    }

    /**
     * Assembles evidence piece by piece. Left out: no history, probes, events or faults; the final read counts as
     * not taken and the clocks as not synced, so a forgotten piece gives UNKNOWN, never a PASS.
     */
    public static final class Builder {
        private final String runId;
        private final Objectives objectives;
        private Replayable<Op> history = Replayable.empty();
        private Replayable<ProbeSample> probes = Replayable.empty();
        private final List<EstateEvent> estateEvents = new ArrayList<>();
        private final List<FaultMark> faults = new ArrayList<>();
        private Optional<String> clockStartFault = Optional.empty();
        private FinalRead finalRead = FinalRead.notTaken("no final read was supplied");
        private final List<FrontDoorProbe> frontDoorProbes = new ArrayList<>();
        private Optional<Duration> replicationLag = Optional.empty();
        private ClockSync clock = ClockSync.notSynced("no clock sync was supplied");

        private Builder(String runId, Objectives objectives) {
            this.runId = runId;
            this.objectives = objectives;
        }

        public Builder history(Replayable<Op> ops) {
            this.history = ops;
            return this;
        }

        public Builder history(List<Op> ops) {
            return history(Replayable.of(ops));
        }

        public Builder probes(Replayable<ProbeSample> samples) {
            this.probes = samples;
            return this;
        }

        public Builder probes(List<ProbeSample> samples) {
            return probes(Replayable.of(samples));
        }

        public Builder estateEvents(List<EstateEvent> events) {
            estateEvents.addAll(events);
            return this;
        }

        public Builder fault(FaultMark fault) {
            faults.add(fault);
            return this;
        }

        public Builder faults(List<FaultMark> marks) {
            faults.addAll(marks);
            return this;
        }

        public Builder clockStartFault(String fault) {
            this.clockStartFault = Optional.of(fault);
            return this;
        }

        public Builder finalRead(FinalRead read) {
            this.finalRead = read;
            return this;
        }

        public Builder frontDoorProbes(List<FrontDoorProbe> probes) {
            frontDoorProbes.addAll(probes);
            return this;
        }

        public Builder replicationLagBeforeT0(Duration lag) {
            this.replicationLag = Optional.of(lag);
            return this;
        }

        public Builder clock(ClockSync sync) {
            this.clock = sync;
            return this;
        }

        public RunEvidence build() {
            return new RunEvidence(runId, objectives, history, probes, estateEvents, faults, clockStartFault,
                    finalRead, frontDoorProbes, replicationLag, clock);
        }
    }
}
