package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * T6, steady state again: the start of the first run of N consecutive good rounds after T0.
 *
 * <p><b>From front-door probes.</b> Samples at or after T0 are taken in time order. A round is complete when
 * every front-door probe has succeeded once since the previous round; any failed sample discards the rounds so
 * far. T6 is the sample that completed the first of N consecutive rounds: the earliest moment every front-door
 * probe was seen succeeding with no failure since. Its bound is the sampling granularity, max(interval, that
 * sample's latency) — the true recovery lies after the last failure, at most one interval earlier, and before
 * the attempt answered — plus the sample's clock bound.
 *
 * <p><b>From writes</b>, when the experiment has no front-door probe. Writes invoked at or after T0 are taken
 * in invoke order; each is a round of its own. T6 is the invoke of the first of N consecutive acknowledged
 * writes; its bound is max(time since the invoke of the last write that was not acknowledged, or T0; the
 * write's own latency) plus the history's clock bound.
 *
 * <p>When steady state is never regained, the last failure after T0 is kept: the RTO was at least that long.
 */
final class SteadyState {
    /** T6, how it was defined for this run, and the last failure seen after T0 when T6 was not reached. */
    record Result(Mark t6, String basis, Optional<Moment> stillFailingAt) {}

    private SteadyState() {}

    static Result fromProbes(RunEvidence evidence, Moment t0) {
        Set<String> names = new HashSet<>();
        Duration interval = Duration.ZERO;
        for (FrontDoorProbe p : evidence.frontDoorProbes()) {
            names.add(p.name());
            interval = interval.compareTo(p.interval()) >= 0 ? interval : p.interval();
        }
        int n = evidence.steadyStateSamples();
        String basis = "front-door probes " + String.join(", ", names.stream().sorted().toList()) + ": " + n
                + " consecutive rounds in which every one succeeded";
        List<ProbeSample> after = new ArrayList<>();
        try (Stream<ProbeSample> samples = evidence.probes().stream()) {
            samples.filter(s -> names.contains(s.probe()) && s.nanos() >= t0.nanos()).forEach(after::add);
        }
        after.sort(Comparator.comparingLong(ProbeSample::nanos));
        Set<String> seen = new HashSet<>();
        int rounds = 0;
        int longest = 0;
        ProbeSample firstRound = null;
        ProbeSample lastFailure = null;
        for (ProbeSample s : after) {
            if (!s.ok()) {
                lastFailure = s;
                seen.clear();
                rounds = 0;
                continue;
            }
            seen.add(s.probe());
            if (seen.size() < names.size()) {
                continue;
            }
            seen.clear();
            rounds++;
            longest = Math.max(longest, rounds);
            firstRound = rounds == 1 ? s : firstRound;
            if (rounds == n) {
                Duration granularity = max(interval, Duration.ofNanos(firstRound.latencyMicros() * 1_000));
                Moment at = new Moment(firstRound.nanos(), firstRound.wall(),
                        granularity.plusNanos(firstRound.boundMicros() * 1_000));
                String since = lastFailure == null ? "no front-door failure after T0"
                        : "last failure " + Measured.seconds(Duration.ofNanos(lastFailure.nanos() - t0.nanos()))
                                + " after T0";
                return new Result(Mark.observed(Marks.T6, Marks.STEADY, at, "first of " + n + " consecutive good "
                        + "rounds completed by probe '" + firstRound.probe() + "' from " + firstRound.region() + "; "
                        + since), basis, Optional.empty());
            }
        }
        String reason = after.isEmpty() ? "no front-door probe sample at or after T0"
                : "front-door probes did not succeed in " + n + " consecutive rounds after T0 (at most " + longest
                        + "; last sample " + Measured.seconds(Duration.ofNanos(after.get(after.size() - 1).nanos()
                                - t0.nanos())) + " after T0)";
        Optional<Moment> failing = Optional.ofNullable(lastFailure)
                .map(s -> Moment.of(s.nanos(), s.wall(), s.boundMicros()));
        return new Result(Mark.unobserved(Marks.T6, Marks.STEADY, reason), basis, failing);
    }

    static Result fromWrites(HistoryFacts facts, int n, Moment t0, Duration clockBound) {
        String basis = "workload writes: " + n + " consecutive acknowledged writes in invoke order (the experiment "
                + "has no front-door probe)";
        Writes writes = facts.writes;
        int[] after = IntStream.range(0, writes.size()).filter(id -> writes.invokeNanos(id) >= t0.nanos()).boxed()
                .sorted(Comparator.comparingLong(writes::invokeNanos)).mapToInt(Integer::intValue).toArray();
        int run = 0;
        int longest = 0;
        int first = -1;
        int lastBad = -1;
        for (int id : after) {
            if (!writes.acknowledged(id)) {
                lastBad = id;
                run = 0;
                continue;
            }
            run++;
            longest = Math.max(longest, run);
            first = run == 1 ? id : first;
            if (run == n) {
                long since = writes.invokeNanos(first) - (lastBad < 0 ? t0.nanos() : writes.invokeNanos(lastBad));
                Duration granularity = Duration.ofNanos(Math.max(since,
                        writes.doneNanos(first) - writes.invokeNanos(first)));
                String what = lastBad < 0 ? "no failed write after T0"
                        : "last write not acknowledged invoked " + Measured.seconds(Duration.ofNanos(
                                writes.invokeNanos(lastBad) - t0.nanos())) + " after T0";
                Moment at = writes.invoke(first, granularity.plus(clockBound));
                return new Result(Mark.observed(Marks.T6, Marks.STEADY, at,
                        "invoke of write '" + writes.key(first) + "', first of " + n + " consecutive acknowledged "
                                + "writes; " + what), basis, Optional.empty());
            }
        }
        String reason = after.length == 0 ? "no write was invoked at or after T0"
                : "the writes after T0 never had " + n + " consecutive acknowledgements (at most " + longest + ")";
        Optional<Moment> failing = lastBad < 0 ? Optional.empty() : Optional.of(writes.invoke(lastBad, clockBound));
        return new Result(Mark.unobserved(Marks.T6, Marks.STEADY, reason), basis, failing);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
