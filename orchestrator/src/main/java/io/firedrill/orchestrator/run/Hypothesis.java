package io.firedrill.orchestrator.run;

import io.firedrill.model.Experiment;
import io.firedrill.model.Probe;
import io.firedrill.orchestrator.measure.ProbeSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The run's steady-state hypothesis over the probe samples as they arrive: whether each steady-state probe met its
 * success ratio over a window (before any fault, and again after the last revert), and every sample kept for the
 * evidence. Samples arrive from the agents' feed threads; the run thread asks.
 */
final class Hypothesis {
    private static final Duration MIN_WINDOW = Duration.ofSeconds(3);

    private final Experiment experiment;
    private final List<ProbeSample> samples = new ArrayList<>();

    Hypothesis(Experiment experiment) {
        this.experiment = experiment;
    }

    synchronized void record(ProbeSample sample) {
        samples.add(sample);
    }

    synchronized List<ProbeSample> samples() {
        return List.copyOf(samples);
    }

    /** The window a verdict on the hypothesis needs: N rounds of the slowest steady-state probe, at least 3 s. */
    Duration window() {
        Duration longest = experiment.steadyState().stream().map(Probe::interval).max(Comparator.naturalOrder())
                .orElse(Duration.ofSeconds(1));
        Duration window = longest.multipliedBy(experiment.objectives().steadyStateSamples());
        return window.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : window;
    }

    /** Each steady-state probe whose success ratio in [from, to) is below its tolerance, said why. */
    List<String> broken(long from, long to) {
        List<String> broken = new ArrayList<>();
        for (Probe p : experiment.steadyState()) {
            List<ProbeSample> in;
            synchronized (this) {
                in = samples.stream().filter(s -> s.probe().equals(p.name()) && s.nanos() >= from && s.nanos() < to)
                        .toList();
            }
            if (in.isEmpty()) {
                broken.add("probe " + p.name() + " produced no samples");
                continue;
            }
            long ok = in.stream().filter(ProbeSample::ok).count();
            double ratio = (double) ok / in.size();
            if (ratio < p.tolerance().successRatio()) {
                String last = in.stream().filter(s -> !s.ok()).reduce((a, b) -> b).map(ProbeSample::detail).orElse("");
                broken.add(String.format(Locale.ROOT, "probe %s succeeded %d of %d times (%.0f%%, needs %.0f%%): %s",
                        p.name(), ok, in.size(), ratio * 100, p.tolerance().successRatio() * 100, last));
            }
        }
        return broken;
    }
}
