package io.firedrill.orchestrator.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Split brain from the acknowledged writes and the region that answered each (the {@code Firedrill-Region}
 * header).
 *
 * <p>A region's acceptance window runs from its first acknowledgement to its last acknowledged write's invoke:
 * it was certainly accepting writes at both ends. A write of region A lies strictly inside B's window when it
 * was invoked after B's first acknowledgement and acknowledged before B's last acknowledged write was invoked,
 * so it took effect between two moments when B was accepting writes. Two regions diverge when each has a write
 * inside the other's window. One direction alone is a failover followed by a failback (A, then B, then A
 * again) and is not flagged; both directions mean both regions accepted writes while the other did. A primary
 * flapping back and forth (A, B, A, B) looks the same in a history and is reported too: the estate's events
 * tell the two apart.
 */
final class SplitBrainChecker implements Checker<SplitBrain> {
    private static final int EXAMPLES_PER_SIDE = 5;

    @Override
    public String name() {
        return "split-brain";
    }

    @Override
    public SplitBrain check(CheckContext context) {
        Writes writes = context.history().writes;
        Map<String, Window> windows = new TreeMap<>();
        long acknowledged = 0;
        long withoutRegion = 0;
        for (int id = 0; id < writes.size(); id++) {
            if (!writes.acknowledged(id)) {
                continue;
            }
            acknowledged++;
            String region = writes.region(id);
            if (region == null) {
                withoutRegion++;
            } else {
                windows.computeIfAbsent(region, r -> new Window(writes)).include(id);
            }
        }
        if (acknowledged > 0 && withoutRegion == acknowledged) {
            return new SplitBrain(false, "no acknowledged write names the region that answered (Firedrill-Region)",
                    withoutRegion, List.of());
        }
        List<String> regions = new ArrayList<>(windows.keySet());
        List<SplitBrain.Divergence> divergences = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                divergence(writes, regions.get(i), regions.get(j), windows, context.historyBound())
                        .ifPresent(divergences::add);
            }
        }
        return new SplitBrain(true, acknowledged + " acknowledged writes from " + regions.size() + " region(s): "
                + String.join(", ", regions), withoutRegion, divergences);
    }

    private static Optional<SplitBrain.Divergence> divergence(Writes writes, String a, String b,
            Map<String, Window> windows, Duration bound) {
        Window wa = windows.get(a);
        Window wb = windows.get(b);
        long aInsideB = 0;
        long bInsideA = 0;
        List<String> aExamples = new ArrayList<>();
        List<String> bExamples = new ArrayList<>();
        for (int id = 0; id < writes.size(); id++) {
            String region = writes.region(id);
            if (!writes.acknowledged(id) || region == null) {
                continue;
            }
            if (region.equals(a) && wb.strictlyContains(id)) {
                aInsideB++;
                example(aExamples, writes, id, a, b);
            } else if (region.equals(b) && wa.strictlyContains(id)) {
                bInsideA++;
                example(bExamples, writes, id, b, a);
            }
        }
        if (aInsideB == 0 || bInsideA == 0) {
            return Optional.empty();
        }
        int start = writes.doneNanos(wa.firstAck) >= writes.doneNanos(wb.firstAck) ? wa.firstAck : wb.firstAck;
        int end = writes.invokeNanos(wa.lastInvoke) <= writes.invokeNanos(wb.lastInvoke)
                ? wa.lastInvoke : wb.lastInvoke;
        List<String> examples = new ArrayList<>(aExamples);
        examples.addAll(bExamples);
        return Optional.of(new SplitBrain.Divergence(a, b, aInsideB, bInsideA, writes.ack(start, bound),
                writes.invoke(end, bound), examples));
    }

    private static void example(List<String> examples, Writes writes, int id, String region, String other) {
        if (examples.size() < EXAMPLES_PER_SIDE) {
            examples.add("'" + writes.key(id) + "' acknowledged by " + region + " inside " + other + "'s window");
        }
    }

    /** From a region's first acknowledgement to the invoke of its last acknowledged write. */
    private static final class Window {
        private final Writes writes;
        int firstAck = -1;
        int lastInvoke = -1;

        Window(Writes writes) {
            this.writes = writes;
        }

        void include(int id) {
            if (firstAck < 0 || writes.doneNanos(id) < writes.doneNanos(firstAck)) {
                firstAck = id;
            }
            if (lastInvoke < 0 || writes.invokeNanos(id) > writes.invokeNanos(lastInvoke)) {
                lastInvoke = id;
            }
        }

        boolean strictlyContains(int id) {
            return writes.invokeNanos(id) > writes.doneNanos(firstAck)
                    && writes.doneNanos(id) < writes.invokeNanos(lastInvoke);
        }
    }
}
