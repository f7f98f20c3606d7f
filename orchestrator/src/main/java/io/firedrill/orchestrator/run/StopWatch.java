package io.firedrill.orchestrator.run;

import io.firedrill.model.StopCondition;
import io.firedrill.orchestrator.measure.ProbeSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Watches the experiment's stop conditions over the probe samples as they arrive. A condition fires when its
 * metric over the trailing window of {@code for} is above the threshold and the probe has been watched for that
 * whole window, so one bad sample right after the fault cannot stop a run whose condition asks for 10 s.
 */
final class StopWatch {
    private final List<Watched> watched = new ArrayList<>();

    StopWatch(List<StopCondition> conditions) {
        conditions.forEach(c -> watched.add(new Watched(c)));
    }

    /** Feeds one sample; returns why the run must stop when a condition fires. */
    synchronized Optional<String> offer(ProbeSample sample) {
        for (Watched w : watched) {
            Optional<String> fired = w.offer(sample);
            if (fired.isPresent()) {
                return fired;
            }
        }
        return Optional.empty();
    }

    private static final class Watched {
        private final StopCondition condition;
        private final long windowNanos;
        private final Deque<ProbeSample> window = new ArrayDeque<>();
        private long firstNanos = -1;

        Watched(StopCondition condition) {
            this.condition = condition;
            this.windowNanos = condition.sustainedFor().toNanos();
        }

        Optional<String> offer(ProbeSample s) {
            if (!s.probe().equals(condition.probe())
                    || (!condition.regions().isEmpty() && !condition.regions().contains(s.region()))) {
                return Optional.empty();
            }
            if (firstNanos < 0) {
                firstNanos = s.nanos();
            }
            window.addLast(s);
            while (!window.isEmpty() && window.peekFirst().nanos() < s.nanos() - windowNanos) {
                window.removeFirst();
            }
            if (s.nanos() - firstNanos < windowNanos) {
                return Optional.empty(); // not watched for a whole window yet
            }
            if (condition.above() instanceof StopCondition.Threshold.Ratio ratio) {
                return errorRate(ratio.value());
            }
            return latencyP99(((StopCondition.Threshold.Latency) condition.above()).value().toMillis());
        }

        private Optional<String> errorRate(double threshold) {
            long failed = window.stream().filter(x -> !x.ok()).count();
            double rate = (double) failed / window.size();
            return rate > threshold ? Optional.of(String.format(java.util.Locale.ROOT,
                    "stop condition %s: probe %s failed %d of %d attempts (%.0f%%) over the last %d s, above %.0f%%",
                    condition.name(), condition.probe(), failed, window.size(), rate * 100,
                    condition.sustainedFor().toSeconds(), threshold * 100)) : Optional.empty();
        }

        private Optional<String> latencyP99(long thresholdMillis) {
            long[] latencies = window.stream().mapToLong(ProbeSample::latencyMicros).sorted().toArray();
            long p99 = latencies[Math.min(latencies.length - 1, (int) Math.ceil(latencies.length * 0.99) - 1)];
            return p99 / 1000 > thresholdMillis ? Optional.of("stop condition " + condition.name() + ": probe "
                    + condition.probe() + " latency p99 " + p99 / 1000 + " ms over the last "
                    + condition.sustainedFor().toSeconds() + " s, above " + thresholdMillis + " ms") : Optional.empty();
        }
    }
}
