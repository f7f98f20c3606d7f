package io.firedrill.orchestrator.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A count of findings with the first few of them named, so a report can show which keys without carrying a
 * million of them.
 *
 * @param count how many there are in all
 * @param first the first {@value #LIMIT} at most, in the order the checker defines (earliest first)
 */
public record Tally(long count, List<String> first) {
    public static final int LIMIT = 100;

    public Tally {
        first = List.copyOf(first);
        if (first.size() > count) {
            throw new IllegalArgumentException("a tally of " + count + " cannot name " + first.size());
        }
    }

    public static Tally none() {
        return new Tally(0, List.of());
    }

    public boolean any() {
        return count > 0;
    }

    /** Counts everything added and keeps the first {@value #LIMIT}. */
    static final class Counter {
        private long count;
        private final List<String> first = new ArrayList<>();

        void add(String item) {
            Objects.requireNonNull(item, "item");
            count++;
            if (first.size() < LIMIT) {
                first.add(item);
            }
        }

        Tally tally() {
            return new Tally(count, first);
        }
    }
}
