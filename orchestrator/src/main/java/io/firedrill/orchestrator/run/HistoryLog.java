package io.firedrill.orchestrator.run;

import io.firedrill.orchestrator.measure.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's history in memory, in recording order: the workload's operations and the nemesis's fault events on
 * one timeline. A run of minutes at a few hundred operations per second holds well under a million entries.
 */
public final class HistoryLog implements HistorySink {
    private final RunClock clock;
    private final List<Op> ops = new ArrayList<>();

    public HistoryLog(RunClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void record(long process, String opId, Kind kind, String f, String key, String value,
            String region, long nanos, String detail) {
        Op.Type type = switch (kind) {
            case INVOKE -> Op.Type.INVOKE;
            case OK -> Op.Type.OK;
            case FAIL -> Op.Type.FAIL;
            case INFO -> Op.Type.INFO;
        };
        ops.add(new Op(ops.size(), opId, process, type, Op.Function.ofWire(f), key, value, region, nanos,
                clock.wall(nanos), detail));
    }

    /** A fault event: {@code f} is inject, revert or halt; {@code fault} the step name, {@code kind} the fault. */
    public synchronized void nemesis(Op.Function f, String fault, String kind, String region, long nanos, String detail) {
        ops.add(Op.nemesis(ops.size(), "nemesis-" + ops.size(), f, fault, kind, region, nanos, clock.wall(nanos),
                detail));
    }

    public synchronized List<Op> snapshot() {
        return List.copyOf(ops);
    }

    public synchronized int size() {
        return ops.size();
    }
}
