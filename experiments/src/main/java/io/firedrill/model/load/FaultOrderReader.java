package io.firedrill.model.load;

import io.firedrill.model.Durations;
import io.firedrill.model.Fault;
import io.firedrill.model.FaultOrder;
import io.firedrill.model.FaultTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a fault applied by hand: {@code fault} and {@code target} as in a method step, an optional
 * {@code duration} and {@code lease}. The {@code estate} field names the estate the caller already
 * resolved; it is accepted here so the whole request is one document.
 */
final class FaultOrderReader {
    static final List<String> FIELDS = List.of("estate", "fault", "target", "duration", "lease");
    private static final Duration SHORTEST_LEASE = Duration.ofSeconds(1);

    private final FaultTargetReader targets;

    FaultOrderReader(EstateIndex estate) {
        this.targets = new FaultTargetReader(estate);
    }

    Optional<FaultOrder> read(YamlNode node) {
        return node.map(FIELDS).flatMap(m -> {
            m.optional("estate", YamlNode::text);
            Fault fault = m.required("fault", n -> n.oneOf(Fault.class, "fault"));
            FaultTarget target = m.required("target", n -> fault == null ? Optional.empty() : targets.read(n, fault));
            Optional<Duration> duration = m.optional("duration", YamlNode::positiveDuration);
            Optional<Duration> lease = m.optional("lease", FaultOrderReader::lease);
            return m.build(() -> new FaultOrder(fault, target, duration, lease));
        });
    }

    private static Optional<Duration> lease(YamlNode n) {
        return n.duration().filter(d -> {
            if (d.compareTo(SHORTEST_LEASE) < 0) {
                n.problem("lease " + Durations.format(d) + " is too short; expected at least 1s, so that renewals "
                        + "over a slow network do not lapse");
                return false;
            }
            return true;
        });
    }
}
