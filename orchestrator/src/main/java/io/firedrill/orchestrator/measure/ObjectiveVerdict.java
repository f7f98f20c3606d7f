package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One objective judged: what was declared, what was measured with its bound, the verdict and the reason in a
 * sentence a reader of the report can check against the figures.
 *
 * @param objective {@code rto}, {@code rpo}, {@code rto[<data store>]}, {@code rpo[<data store>]} or
 *                  {@code integrity} (no anomaly found by the consistency checkers; nothing is declared)
 * @param declared  the declared objective; empty for {@code integrity}
 * @param measured  the measured figure compared with it; empty when there was none to compare
 */
public record ObjectiveVerdict(String objective, Verdict verdict, Optional<Duration> declared,
        Optional<Measured> measured, String reason) {
    public ObjectiveVerdict {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(declared, "declared");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(reason, "reason");
    }
}
