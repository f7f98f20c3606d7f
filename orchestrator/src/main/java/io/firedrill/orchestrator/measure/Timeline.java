package io.firedrill.orchestrator.measure;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The run's timeline as measured: the marks T0 to T6, the segments between them (the headline RTO is T6 - T0),
 * and every fault, nemesis and estate event in time order. This is what {@code timeline.json} holds.
 *
 * @param marks            T0 to T6, in that order, each observed or with the reason it is not
 * @param segments         {@code rto} (T0-T6), {@code first-write} (T0-T4), {@code detect} (T0-T1), {@code decide}
 *                         (T1-T2), {@code promote} (T2-T3), {@code resume-writes} (T3-T4)
 * @param events           faults, nemesis entries and estate events, by time
 * @param steadyStateBasis how T6 was defined for this run: which probes or the writes, and N
 * @param stillFailingAt   when T6 was not reached: the last failure seen after T0, so the RTO was at least
 *                         this long; empty otherwise
 */
public record Timeline(List<Mark> marks, List<Segment> segments, List<TimelineEvent> events, String steadyStateBasis,
        Optional<Moment> stillFailingAt) {
    public Timeline {
        marks = List.copyOf(marks);
        segments = List.copyOf(segments);
        events = List.copyOf(events);
        Objects.requireNonNull(steadyStateBasis, "steadyStateBasis");
        Objects.requireNonNull(stillFailingAt, "stillFailingAt");
    }

    /** The mark {@code T0} ... {@code T6}. */
    public Mark mark(String id) {
        return marks.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no mark " + id + "; marks are T0 to T6"));
    }

    /** The segment named {@code name}, such as {@code rto}. */
    public Segment segment(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no segment " + name));
    }

    /** T6 - T0, the headline RTO, when both marks were observed. */
    public Optional<Measured> rto() {
        return segment("rto").duration();
    }
}
