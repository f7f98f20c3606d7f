package io.firedrill.model.load;

import io.firedrill.model.Fault;
import io.firedrill.model.FaultTarget;
import io.firedrill.model.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the method: timed steps, each a fault with its target. The fault is read first because it
 * decides which fields the target accepts.
 */
final class MethodReader {
    private static final List<String> STEP = List.of("name", "fault", "target", "after", "duration");

    private final Names steps = Names.of("step");
    private final FaultTargetReader targets;

    MethodReader(EstateIndex estate) {
        this.targets = new FaultTargetReader(estate);
    }

    Optional<Step> step(YamlNode node) {
        return node.map(STEP).flatMap(m -> {
            String name = m.required("name", n -> n.slug().filter(v -> steps.declare(n, v)));
            Fault fault = m.required("fault", n -> n.oneOf(Fault.class, "fault"));
            FaultTarget target = m.required("target", n -> fault == null ? Optional.empty() : targets.read(n, fault));
            Duration after = m.optional("after", YamlNode::duration, Duration.ZERO);
            Duration duration = fault != null && fault.instantaneous()
                    ? m.optional("duration", YamlNode::duration, Duration.ZERO)
                    : m.required("duration", YamlNode::positiveDuration);
            return m.build(() -> new Step(name, fault, target, after, duration));
        });
    }
}
