package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The judgement of one run: every verdict with its reason and every report it rests on. This is what
 * {@code result.json} holds ({@link #toJson()}, {@link #fromJson(String)}); its timeline alone is
 * {@code timeline.json} ({@link #timelineJson()}).
 *
 * @param runId                  the run judged
 * @param overall                the worst verdict: FAIL over UNKNOWN over PASS
 * @param verdicts               {@code rto}, {@code rpo}, then {@code rto[store]} and {@code rpo[store]} for each
 *                               data store the objectives list, then {@code integrity}
 * @param timeline               marks T0 to T6, segments, events; empty when the timeline checker failed
 * @param loss                   lost, recovered, unexpected, duplicated writes; empty when that checker failed
 * @param staleReads             empty when that checker failed
 * @param splitBrain             empty when that checker failed
 * @param replicationLagBeforeT0 the replica's lag sampled just before T0, as supplied
 * @param clock                  the clock mapping's quality during the run
 * @param checkerFailures        each checker that threw, with its message
 */
public record RunResult(
        String runId,
        Verdict overall,
        List<ObjectiveVerdict> verdicts,
        Optional<Timeline> timeline,
        Optional<LossReport> loss,
        Optional<StaleReads> staleReads,
        Optional<SplitBrain> splitBrain,
        Optional<Duration> replicationLagBeforeT0,
        ClockSync clock,
        List<CheckerFailure> checkerFailures) {

    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(overall, "overall");
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(staleReads, "staleReads");
        Objects.requireNonNull(splitBrain, "splitBrain");
        Objects.requireNonNull(replicationLagBeforeT0, "replicationLagBeforeT0");
        Objects.requireNonNull(clock, "clock");
        checkerFailures = List.copyOf(checkerFailures);
    }

    /** The verdict on {@code objective}: {@code rto}, {@code rpo}, {@code rpo[orders-us-east]}, {@code integrity}. */
    public ObjectiveVerdict verdict(String objective) {
        return verdicts.stream().filter(v -> v.objective().equals(objective)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no verdict on '" + objective + "'; judged: "
                        + String.join(", ", verdicts.stream().map(ObjectiveVerdict::objective).toList())));
    }

    /** Every measured number with its bound and unit: observed segments, the RPO window, the counts. */
    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        timeline.ifPresent(t -> t.segments().forEach(s -> s.duration().ifPresent(d -> figures.add(
                Figure.duration(s.name(), d, s.to() + " - " + s.from())))));
        loss.ifPresent(l -> {
            l.window().ifPresent(w -> figures.add(Figure.duration("rpo-window", w,
                    "T0 - acknowledgement of the earliest lost write")));
            figures.add(Figure.count("attempts", l.writes().attempts(), "writes", "writes invoked"));
            figures.add(Figure.count("acknowledged", l.writes().acknowledged(), "writes", "writes acknowledged (ok)"));
            figures.add(Figure.count("failed", l.writes().failed(), "writes", "writes that failed"));
            figures.add(Figure.count("indeterminate", l.writes().indeterminate(), "writes", "info or never completed"));
            figures.add(Figure.count("final-read", l.finalReadEntries(), "entries", "entries read back"));
            figures.add(Figure.count("lost", l.lost().count(), "writes", "acknowledged and not read back"));
            figures.add(Figure.count("lost-after-t0", l.lostAckedAfterT0(), "writes", "lost, acknowledged after T0"));
            figures.add(Figure.count("recovered-indeterminate", l.recoveredIndeterminate(), "writes",
                    "indeterminate and read back"));
            figures.add(Figure.count("recovered-failed", l.recoveredFailed().count(), "writes",
                    "failed yet read back (an error)"));
            figures.add(Figure.count("unexpected", l.unexpected().count(), "entries", "read back, never attempted"));
            figures.add(Figure.count("duplicated", l.duplicated().count(), "keys", "unique keys read back twice"));
        });
        staleReads.filter(StaleReads::checked).ifPresent(s -> {
            figures.add(Figure.count("reads-checked", s.readsChecked(), "reads", "reads checked for staleness"));
            figures.add(Figure.count("stale-reads", s.stale().count(), "reads", "reads that missed a write"));
        });
        splitBrain.filter(SplitBrain::checked).ifPresent(b -> figures.add(Figure.count("split-brain",
                b.divergences().size(), "pairs", "pairs of regions that both accepted writes")));
        replicationLagBeforeT0.ifPresent(lag -> figures.add(Figure.duration("replication-lag-before-t0",
                Measured.exactly(lag), "the replica's lag sampled just before T0, as reported")));
        figures.add(Figure.duration("clock-bound", Measured.exactly(clock.maxBound()),
                "the largest agent clock-offset bound of the run"));
        return figures;
    }

    /** {@code result.json}: everything here, pretty-printed, with {@link #figures()} for readers. */
    public String toJson() {
        return ResultJson.write(this);
    }

    /** Reads {@link #toJson()} back; {@code figures} is ignored, it is derived. */
    public static RunResult fromJson(String json) {
        return ResultJson.read(json);
    }

    /** {@code timeline.json}: the marks, segments and events; {@code {}} when the timeline checker failed. */
    public String timelineJson() {
        return timeline.map(ResultJson::writeTimeline).orElse("{}");
    }
}
